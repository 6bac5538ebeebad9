/** The HTTP origin of a relay from its websocket URL: `wss://h/ws` → `https://h`, `ws://h:1/ws` → `http://h:1`. */
export function httpOriginOf(relayUrl: string): string {
  const u = new URL(relayUrl);
  const scheme = u.protocol === 'wss:' || u.protocol === 'https:' ? 'https:' : 'http:';
  return `${scheme}//${u.host}`;
}
