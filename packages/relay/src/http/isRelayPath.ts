/** Paths the relay answers itself: `/health`, `/ws` and `/ws/<anything>`. */
export function isRelayPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return path === '/health' || path === '/ws' || path.startsWith('/ws/');
}
