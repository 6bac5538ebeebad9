import type { DocumentSessionLike } from '../../sync/SyncApi.js';

/** Waits for a document to hold the relay's state, at most `timeoutMs`; offline, not at all. */
export async function settleSynced(
  session: DocumentSessionLike,
  o: { online: boolean; timeoutMs: number },
): Promise<void> {
  if (!o.online) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    session.whenSynced(),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, o.timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}
