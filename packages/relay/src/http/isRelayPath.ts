import { isWebSocketPath } from './isWebSocketPath.js';

/** Paths the relay answers itself: `/health`, `/metrics`, `/ws`, `/ws/<anything>` and `/history/<anything>` (§10). */
export function isRelayPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0];
  return isWebSocketPath(url) || path === '/health' || path === '/metrics' || (path?.startsWith('/history/') ?? false);
}
