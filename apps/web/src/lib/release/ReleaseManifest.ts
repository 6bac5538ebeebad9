/** release.json: what a build is made of (apps/web/release/signRelease.mjs writes it). */
export interface ReleaseManifest {
  version: string;
  kind: string;
  /** URL path ("/_app/immutable/…") → lowercase hex SHA-256 of the file's bytes. */
  files: Record<string, string>;
}

/**
 * Why a version was not installed; 'worker': the page found that the service worker the browser
 * is installing is not the signed one (detected, not prevented: see docs/THREAT_MODEL.md).
 */
export type RefusalReason = 'signature' | 'hash' | 'version' | 'manifest' | 'unsupported' | 'worker';
