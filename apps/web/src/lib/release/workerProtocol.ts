import type { RefusalReason } from './ReleaseManifest';

/** Cache (CacheStorage) where the service worker keeps its pinned key and its last refusal. */
export const META_CACHE = 'trame-meta';
/** Key of the pinned release public key (base64) in META_CACHE. */
export const PINNED_KEY_PATH = '/__trame/pinned-release-key';
/** Key of the last refused version (JSON `Refusal`) in META_CACHE; deleted by a verified install. */
export const REFUSAL_PATH = '/__trame/refused-release';

/** A version the service worker would not install, and why. */
export interface Refusal {
  version: string;
  reason: RefusalReason;
  detail: string;
  at: number;
}

/** Messages between the app and its service worker. */
export type WorkerMessage = { type: 'trame:update-refused'; refusal: Refusal } | { type: 'trame:activate' };
