/** A raw device store that can list its entry names (IndexedDbCache, or a Map in tests). */
export interface ListableStore {
  keys(): Promise<string[]>;
  delete(key: string): Promise<void>;
}

/**
 * Deletes what the device cache holds about one space: its membership log (`space:<id>`) and
 * every document of it (`doc:<id>:<doc>`). Called when this identity is removed from the
 * space, so a shared or seized device no longer holds its (encrypted) content. Returns how
 * many entries went.
 */
export async function forgetSpaceEntries(store: ListableStore, spaceId: string): Promise<number> {
  const names = (await store.keys()).filter((k) => k === `space:${spaceId}` || k.startsWith(`doc:${spaceId}:`));
  for (const k of names) await store.delete(k);
  return names.length;
}
