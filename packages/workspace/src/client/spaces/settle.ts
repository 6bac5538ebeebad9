import type { DocumentSessionLike } from '../../sync/SyncApi.js';

/**
 * Waits until the relay holds what was written to `session`, but at most `timeoutMs`: a slow
 * relay never hangs a screen. Offline, writes the document to the device cache instead (it is
 * sent when the network is back).
 */
export async function settle(session: DocumentSessionLike, o: { online: boolean; timeoutMs: number }): Promise<void> {
  if (!o.online) return session.saveNow();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    session.whenSaved(),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, o.timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}
