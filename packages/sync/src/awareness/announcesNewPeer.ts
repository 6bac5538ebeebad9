import * as decoding from 'lib0/decoding';

/**
 * Whether an awareness update (already filtered, R44) brings the live state of a Yjs client
 * never seen before (`seen`: every client id met on this document, across reconnects): someone
 * just arrived. Nobody else tells a newcomer who is already there (there is no server-side
 * awareness), so the receiver then announces its own state again (see AwarenessChannel). A
 * known client coming back after a reconnect is not answered (R48: no n² storm).
 */
export function announcesNewPeer(update: Uint8Array, seen: { has(clientId: number): boolean }): boolean {
  const decoder = decoding.createDecoder(update);
  const n = decoding.readVarUint(decoder);
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // clock
    const json = decoding.readVarString(decoder);
    if (json !== 'null' && !seen.has(clientId)) return true;
  }
  return false;
}
