/** What the end-to-end tests reach through `window.__trame`. */
export interface DebugHook {
  /** The page's TrameClient. */
  client: object;
}

declare global {
  interface Window {
    /** Set by the Playwright tests (an init script) before the app starts; never in normal use. */
    __TRAME_E2E__?: boolean;
    __trame?: DebugHook;
  }
}

/**
 * Exposes the client as `window.__trame` when the end-to-end tests ask for it, so that a test
 * can act the way a modified page would: e.g. an observer forcing a write past the disabled
 * controls, to prove the relay refuses it. It grants nothing a script already running in the
 * page could not do, and stays off unless `window.__TRAME_E2E__` was set before start.
 */
export function exposeDebugHook(client: object): void {
  if (typeof window === 'undefined' || window.__TRAME_E2E__ !== true) return;
  window.__trame = { client };
}
