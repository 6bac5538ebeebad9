/** The relay lives on the app's own origin, at `/ws` (apps/server mounts both). */
export function relayUrl(loc: Location = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}
