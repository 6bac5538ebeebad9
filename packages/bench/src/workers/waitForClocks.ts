import * as Y from 'yjs';
import type { Editor } from '../clients/Editor.js';

/**
 * Resolves once every editor's document has integrated every other sender's keys up to the
 * given clocks (its state vector reached them), or at `timeoutMs`. Polls every 10 ms: the
 * check is a few map look-ups, and a listener per transaction would cost more under load.
 */
export function waitForClocks(
  editors: readonly Editor[],
  clocks: ReadonlyArray<readonly [client: number, clock: number]>,
  timeoutMs: number,
): Promise<boolean> {
  const done = (): boolean =>
    editors.every((e) =>
      clocks.every(([client, clock]) => client === e.doc.clientID || Y.getState(e.doc.store, client) >= clock),
    );
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const check = (): void => {
      if (done()) return resolve(true);
      if (Date.now() >= deadline) return resolve(false);
      setTimeout(check, 10);
    };
    check();
  });
}
