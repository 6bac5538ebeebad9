import * as decoding from 'lib0/decoding';
import { TrameError } from '@trame/protocol';

/**
 * R58 (MEMBERSHIP-9): a sender numbers its EPHEMERAL frames on a document 1, 2, 3… for the life
 * of its awareness client (across reconnects); a new client (another tab, a reload) starts
 * again at 1 under a new Yjs client id. So per (author, awareness client id) the sequence of a
 * verified frame must grow: one not above the highest already accepted is a replay (a relay
 * serving an old caret or an old presence again) and is dropped, `REPLAY_DETECTED`. `update` is
 * the frame's decrypted awareness update; `last` maps `author:clientId` to the highest accepted
 * sequence and is updated when the frame passes.
 */
export function checkEphemeralSequence(
  last: Map<string, number>,
  author: string,
  sequence: number,
  update: Uint8Array,
): TrameError | null {
  const keys = clientIdsOf(update).map((id) => `${author}:${id}`);
  for (const k of keys) {
    const seen = last.get(k);
    if (seen !== undefined && sequence <= seen) {
      return new TrameError(
        'REPLAY_DETECTED',
        `awareness frame ${sequence} of ${author.slice(0, 12)} is not newer than ${seen}; dropped`,
        { author },
      );
    }
  }
  for (const k of keys) last.set(k, sequence);
  return null;
}

function clientIdsOf(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const n = decoding.readVarUint(decoder);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder); // clock
    decoding.readVarString(decoder);
  }
  return ids;
}
