import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface AwarenessFilterResult {
  /** The entries that passed, re-encoded as an awareness update; null if none did. */
  update: Uint8Array | null;
  /** How many entries were dropped as forged. */
  dropped: number;
}

/**
 * R44: keeps only the awareness entries that the frame's author may speak for. An entry's
 * state must name the author in `user.id`; a Yjs client id, once seen under one author, stays
 * bound to it (`owners`, updated here); the local client's own id is never accepted from
 * outside. Removals (null states) pass only for client ids bound to the author.
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  authorHex: string,
  owners: Map<number, string>,
  localClientId: number,
): AwarenessFilterResult {
  const decoder = decoding.createDecoder(update);
  const n = decoding.readVarUint(decoder);
  const kept: Array<[number, number, string]> = [];
  let dropped = 0;
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    const owner = owners.get(clientId);
    let ok = clientId !== localClientId && (owner === undefined || owner === authorHex);
    if (ok) {
      let state: unknown;
      try {
        state = JSON.parse(json);
      } catch {
        state = undefined;
      }
      if (state === null) ok = owner === authorHex;
      else {
        const user = (state as { user?: { id?: unknown } } | undefined)?.user;
        ok = typeof state === 'object' && user !== undefined && user.id === authorHex;
      }
    }
    if (!ok) {
      dropped++;
      continue;
    }
    owners.set(clientId, authorHex);
    kept.push([clientId, clock, json]);
  }
  if (kept.length === 0) return { update: null, dropped };
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, kept.length);
  for (const [id, clock, json] of kept) {
    encoding.writeVarUint(enc, id);
    encoding.writeVarUint(enc, clock);
    encoding.writeVarString(enc, json);
  }
  return { update: encoding.toUint8Array(enc), dropped };
}
