import { isWebSocketPath } from './isWebSocketPath.js';

/** Paths the relay answers itself: `/health`, `/ws` and `/ws/<anything>`. */
export function isRelayPath(url: string | undefined): boolean {
  return isWebSocketPath(url) || (url ?? '/').split('?')[0] === '/health';
}
