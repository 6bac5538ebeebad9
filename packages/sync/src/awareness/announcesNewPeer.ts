import * as decoding from 'lib0/decoding';

/**
 * Whether an awareness update (already filtered, R44) brings the live state of a Yjs client
 * that `held` does not have: someone just arrived, or reconnected after losing everyone's
 * states. Nobody else tells a newcomer who is already there (there is no server-side
 * awareness), so the receiver then announces its own state again (see AwarenessChannel).
 */
export function announcesNewPeer(update: Uint8Array, held: ReadonlyMap<number, unknown>): boolean {
  const decoder = decoding.createDecoder(update);
  const n = decoding.readVarUint(decoder);
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // clock
    const json = decoding.readVarString(decoder);
    if (json !== 'null' && !held.has(clientId)) return true;
  }
  return false;
}
