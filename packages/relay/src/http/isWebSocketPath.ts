/** Paths where the relay accepts websocket upgrades: `/ws` and `/ws/<anything>` (y-websocket appends the room). */
export function isWebSocketPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return path === '/ws' || path.startsWith('/ws/');
}
