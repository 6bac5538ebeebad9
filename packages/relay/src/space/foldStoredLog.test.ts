import { describe, expect, it } from 'vitest';
import { MembershipAction, Role, toHex } from '@trame/protocol';
import { sha256 } from '../crypto/sha256.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { MembershipLog } from '../testing/MembershipLog.js';
import { randomId } from '../testing/randomId.js';
import type { SpaceRecord, SpaceTransaction } from '../storage/RelayStorage.js';
import { foldStoredLog } from './foldStoredLog.js';

/** A space transaction over a list of stored entries, counting reads. */
function storedLog(entries: Uint8Array[]): { tx: SpaceTransaction; reads: () => number } {
  let reads = 0;
  const tx: SpaceTransaction = {
    load: async () => null,
    entry: async (seq) => {
      reads++;
      return entries[seq] ?? null;
    },
    append: async () => {},
  };
  return { tx, reads: () => reads };
}

const record = (spaceId: Uint8Array, entries: Uint8Array[]): SpaceRecord => ({
  spaceId,
  seq: entries.length - 1,
  headHash: sha256(entries.at(-1)!),
  epoch: 0,
  members: new Map(),
  invites: new Map(),
});

describe('foldStoredLog (R98)', () => {
  it('R98: rebuilds the device layer from the stored log, and reads only new entries at a later head', async () => {
    const admin = createTestIdentity();
    const alice = createTestIdentity();
    const phone = createTestIdentity();
    const log = new MembershipLog(randomId());
    log.accepted(log.genesis(admin));
    log.accepted(log.next(admin, MembershipAction.Add, alice.publicKey, Role.Editor));
    log.accepted(log.next(alice, MembershipAction.DeviceAdd, phone.publicKey, Role.None));
    const { tx, reads } = storedLog(log.entries);
    const state = await foldStoredLog(tx, record(log.spaceId, log.entries));
    expect(state.devices.get(phone.hex)).toBe(alice.hex);
    expect(reads()).toBe(3);
    // the same head again: from the cache, nothing read
    expect(await foldStoredLog(tx, record(log.spaceId, log.entries))).toBe(state);
    expect(reads()).toBe(3);
    // one more entry: the cached head is checked (one read) and only the new entry is read
    log.accepted(log.next(admin, MembershipAction.DeviceRemove, phone.publicKey, Role.None, { sealedFor: [] }));
    const next = await foldStoredLog(tx, record(log.spaceId, log.entries));
    expect(next.devices.size).toBe(0);
    expect(next.rotationOwed.has(toHex(alice.publicKey))).toBe(true);
    expect(reads()).toBe(5);
  });

  it('R98: a stored log that does not match its head is refused (storage error, nothing decided)', async () => {
    const admin = createTestIdentity();
    const log = new MembershipLog(randomId());
    log.accepted(log.genesis(admin));
    const { tx } = storedLog(log.entries);
    const wrong = { ...record(log.spaceId, log.entries), headHash: new Uint8Array(32) };
    await expect(foldStoredLog(tx, wrong)).rejects.toThrow(/does not match/);
  });
});
