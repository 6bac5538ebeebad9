import {
  applyMembershipEntry,
  bytesEqual,
  decodeFrame,
  emptyMembershipState,
  toHex,
  type MembershipFrame,
  type MembershipState,
} from '@trame/protocol';
import { sha256 } from '../crypto/sha256.js';
import type { SpaceRecord, SpaceTransaction } from '../storage/RelayStorage.js';

/** Folded states by space (hex), each valid for the head it was folded to. */
const folded = new Map<string, MembershipState>();
const MAX_CACHED = 2048;

/**
 * R97/R98: the fold state of a stored space, devices included (the `members` rows the storage
 * keeps are person keys and devices flattened, which lose which device is whose). Re-folds the
 * stored log with the shared fold, without re-verifying signatures (each entry was verified when
 * stored), and keeps the result for the next entry: a state is a function of its head hash (the
 * log is hash-chained), so a cached state is reused only at exactly that head, whichever relay
 * instance or storage wrote it. Reads every entry only on a miss (another instance appended, or
 * a restart). Throws when storage does not hold the log it reports.
 */
export async function foldStoredLog(tx: SpaceTransaction, space: SpaceRecord): Promise<MembershipState> {
  const key = toHex(space.spaceId);
  const hit = folded.get(key);
  if (hit && hit.seq === space.seq && bytesEqual(hit.headHash, space.headHash)) return hit;
  let state = hit && hit.seq < space.seq && (await sameEntryHash(tx, hit)) ? hit : emptyMembershipState(space.spaceId);
  for (let seq = state.seq + 1; seq <= space.seq; seq++) {
    const raw = await tx.entry(seq);
    if (!raw) throw new Error(`membership entry ${seq} missing from storage`);
    state = applyMembershipEntry(state, decodeFrame(raw) as MembershipFrame, {
      verifyEntrySignature: () => true,
      verifySignature: () => true,
      sha256,
    });
  }
  if (!bytesEqual(state.headHash, space.headHash)) throw new Error('stored membership log does not match its head');
  remember(key, state);
  return state;
}

/** Whether the stored entry at the cached head is the one the cache folded (no fork since). */
async function sameEntryHash(tx: SpaceTransaction, state: MembershipState): Promise<boolean> {
  if (state.seq < 0) return true;
  const raw = await tx.entry(state.seq);
  return raw !== null && bytesEqual(sha256(raw), state.headHash);
}

/** Keeps the state folded after an accepted entry (the next entry starts from it). */
export function rememberFold(state: MembershipState): void {
  remember(toHex(state.spaceId), state);
}

function remember(key: string, state: MembershipState): void {
  folded.delete(key);
  folded.set(key, state);
  if (folded.size > MAX_CACHED) folded.delete(folded.keys().next().value!);
}
