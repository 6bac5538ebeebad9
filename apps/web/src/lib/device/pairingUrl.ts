/** DEVICES-1: the relay's pairing channel, on the app's own origin (`/pair`, PROTOCOL.md §11). */
export function pairingUrl(loc: Location = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/pair`;
}
