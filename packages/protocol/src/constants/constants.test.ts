import { describe, expect, it } from 'vitest';
import { ZERO_HASH, ZERO_ID } from '../frames/zero.js';
import { DOMAIN } from './domains.js';
import { FrameKind, frameKindName } from './FrameKind.js';
import { LIMITS } from './limits.js';
import { isMembershipAction, MembershipAction } from './MembershipAction.js';
import { isReadableProtocolVersion, OLDEST_READABLE_PROTOCOL_VERSION, PROTOCOL_VERSION } from './protocolVersion.js';
import { isRole, Role, roleCanWrite } from './Role.js';
import {
  AEAD_TAG_BYTES,
  CHALLENGE_BYTES,
  HASH_BYTES,
  ID_BYTES,
  NONCE_BYTES,
  PUBLIC_KEY_BYTES,
  SIGNATURE_BYTES,
} from './sizes.js';

describe('protocol constants', () => {
  it('R1/R121: the protocol version is 5 and frames of 3 and 4 are still read', () => {
    expect(PROTOCOL_VERSION).toBe(5);
    expect(OLDEST_READABLE_PROTOCOL_VERSION).toBe(3);
    expect([1, 2, 3, 4, 5, 6].map(isReadableProtocolVersion)).toEqual([false, false, true, true, true, false]);
  });

  it('§2: frame kinds have their stable values', () => {
    expect(FrameKind).toEqual({
      Hello: 0x01,
      Challenge: 0x02,
      Auth: 0x03,
      Ready: 0x04,
      Membership: 0x10,
      Update: 0x11,
      Snapshot: 0x12,
      Ephemeral: 0x13,
      InviteWrap: 0x14,
      Ack: 0x20,
      Error: 0x21,
      Durable: 0x22,
    });
  });

  it('frameKindName names known kinds and shows others in hex', () => {
    expect(frameKindName(0x11)).toBe('Update');
    expect(frameKindName(0x21)).toBe('Error');
    expect(frameKindName(0x99)).toBe('0x99');
    expect(frameKindName(0)).toBe('0x0');
  });

  it('§3.4: roles have their stable values; only admin and editor write', () => {
    expect(Role).toEqual({ None: 0, Admin: 1, Editor: 2, Viewer: 3 });
    expect([0, 1, 2, 3, 4].map(roleCanWrite)).toEqual([false, true, true, false, false]);
    expect([0, 1, 2, 3].every(isRole)).toBe(true);
    expect([4, 255, -1, 1.5].some(isRole)).toBe(false);
  });

  it('§3.4: membership actions have their stable values', () => {
    expect(MembershipAction).toEqual({
      Genesis: 1,
      Add: 2,
      SetRole: 3,
      Remove: 4,
      Rotate: 5,
      Invite: 6,
      Accept: 7,
      DeviceAdd: 8,
      DeviceRemove: 9,
    });
    for (let a = 1; a <= 9; a++) expect(isMembershipAction(a)).toBe(true);
    for (const a of [0, 10, 255]) expect(isMembershipAction(a)).toBe(false);
  });

  it('R5: domains are the NUL-terminated ASCII strings of the spec', () => {
    const dec = new TextDecoder();
    expect(dec.decode(DOMAIN.auth)).toBe('trame/v1/auth\0');
    expect(dec.decode(DOMAIN.membership)).toBe('trame/v1/membership\0');
    expect(dec.decode(DOMAIN.update)).toBe('trame/v1/update\0');
    expect(dec.decode(DOMAIN.snapshot)).toBe('trame/v1/snapshot\0');
    expect(dec.decode(DOMAIN.ephemeral)).toBe('trame/v1/ephemeral\0');
    expect(dec.decode(DOMAIN.snapshotProof)).toBe('trame/v1/snapshot-proof\0');
    expect(dec.decode(DOMAIN.docKey)).toBe('trame/v1/doc-key\0');
  });

  it('R5: no domain is a prefix of another (NUL termination)', () => {
    const all = Object.values(DOMAIN);
    for (const a of all) {
      expect(a[a.length - 1]).toBe(0);
      expect(a.slice(0, -1).includes(0)).toBe(false);
      for (const b of all) {
        if (a === b) continue;
        const prefix = b.length >= a.length && a.every((x, i) => b[i] === x);
        expect(prefix).toBe(false);
      }
    }
  });

  it('R3: size limits per kind', () => {
    expect(LIMITS.maxUpdateBytes).toBe(2 * 1024 * 1024);
    expect(LIMITS.maxSnapshotBytes).toBe(16 * 1024 * 1024);
    expect(LIMITS.maxEphemeralBytes).toBe(64 * 1024);
    expect(LIMITS.maxMembershipBytes).toBe(256 * 1024);
    expect(LIMITS.maxFrameBytes).toBeGreaterThanOrEqual(LIMITS.maxSnapshotBytes);
    expect(LIMITS.maxErrorMessageBytes).toBe(256);
  });

  it('R10/R15/R46: timing, rate and compaction limits', () => {
    expect(LIMITS.authTimeoutMs).toBe(10_000);
    expect(LIMITS.framesPerSecond).toBe(200);
    expect(LIMITS.frameBurst).toBe(400);
    expect(LIMITS.pingIntervalMs).toBe(30_000);
    expect(LIMITS.maxSendBufferBytes).toBe(8 * 1024 * 1024);
    expect(LIMITS.compactAfterUpdates).toBe(200);
    expect(LIMITS.compactAfterBytes).toBe(512 * 1024);
  });

  it('R2: count limits fit their u16 fields', () => {
    expect(LIMITS.maxSealedKeys).toBeLessThanOrEqual(0xffff);
    expect(LIMITS.maxSnapshotAuthors).toBeLessThanOrEqual(0xffff);
    expect(LIMITS.maxSealedKeyBytes).toBeLessThanOrEqual(0xffff);
    expect(LIMITS.maxErrorMessageBytes).toBeLessThanOrEqual(0xffff);
  });

  it('§1: field sizes', () => {
    expect([
      ID_BYTES,
      PUBLIC_KEY_BYTES,
      SIGNATURE_BYTES,
      NONCE_BYTES,
      HASH_BYTES,
      CHALLENGE_BYTES,
      AEAD_TAG_BYTES,
    ]).toEqual([16, 32, 64, 24, 32, 32, 16]);
  });

  it('§1: ZERO_ID and ZERO_HASH are all-zero "none" values', () => {
    expect(ZERO_ID.length).toBe(16);
    expect(ZERO_HASH.length).toBe(32);
    expect(ZERO_ID.every((b) => b === 0)).toBe(true);
    expect(ZERO_HASH.every((b) => b === 0)).toBe(true);
  });
});

describe('R9 websocket subprotocol', () => {
  it('R9: the subprotocol names the protocol version', async () => {
    const { TRAME_SUBPROTOCOL } = await import('./subprotocol.js');
    expect(TRAME_SUBPROTOCOL).toBe(`trame.${PROTOCOL_VERSION}`);
  });
});
