import type { VersionInfo } from '@trame/workspace';
import { app } from '$lib/app/app';

export type { VersionInfo };

/** One item's history, as the history panel asks for it (`client.history`, bound to the item). */
export interface ItemHistory {
  /** Newest first. */
  list(): Promise<VersionInfo[]>;
  /** The version's Yjs state. */
  load(versionId: string): Promise<Uint8Array>;
  name(versionId: string, name: string): Promise<void>;
  /** Makes the open item's content that of the version, as a new edit of mine others receive. */
  restore(versionId: string): Promise<void>;
  /** Records a version of the content as it is now (to name it): its id, or null if none was needed. */
  saveNow(): Promise<string | null>;
}

/** The item's encrypted history at the relay (HISTORY-1, `client.history`). */
export function itemHistory(spaceId: string, itemId: string): ItemHistory {
  const h = app.client!.history;
  return {
    list: () => h.list(spaceId, itemId),
    load: (v) => h.load(spaceId, itemId, v),
    name: (v, n) => h.name(spaceId, itemId, v, n),
    restore: async (v) => {
      await h.restore(spaceId, itemId, v);
    },
    saveNow: () => h.saveNow(spaceId, itemId),
  };
}
