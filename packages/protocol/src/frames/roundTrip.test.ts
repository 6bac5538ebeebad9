import { describe, expect, it } from 'vitest';
import { FrameKind } from '../constants/FrameKind.js';
import { PROTOCOL_VERSION } from '../constants/protocolVersion.js';
import { LIMITS } from '../constants/limits.js';
import { MembershipAction } from '../constants/MembershipAction.js';
import { Role } from '../constants/Role.js';
import { ERROR_CODES } from '../errors/errorCodes.js';
import {
  buildEphemeral,
  buildMembership,
  buildSnapshot,
  buildUpdate,
  decodeAs,
  ephemeralHeader,
  expectBytes,
  membershipFields,
  rand,
  snapshotHeader,
  u16At,
  u32At,
  updateHeader,
} from '../testing/fixtures.js';
import {
  appendSignature,
  encodeContentBody,
  encodeEphemeralHeader,
  encodeMembershipBody,
  encodeSnapshotHeader,
  encodeUpdateHeader,
} from './content.js';
import {
  encodeAck,
  encodeAuth,
  encodeChallenge,
  encodeDurable,
  encodeInviteWrap,
  encodeError,
  encodeHello,
  encodeReady,
} from './control.js';
import { decodeFrame } from './decodeFrame.js';
import { ZERO_ID } from './zero.js';

describe('HELLO (§3.1, 91 bytes)', () => {
  const hello = {
    create: true,
    spaceId: rand(16),
    docId: rand(16),
    identity: rand(32),
    knownMembershipSeq: 0x01020304,
    knownSnapshotId: rand(16),
    knownTailCount: 0x0a0b0c0d,
  };

  it('round-trips every field', () => {
    const raw = encodeHello(hello);
    const f = decodeAs(raw, FrameKind.Hello);
    expect(f.create).toBe(true);
    expectBytes(f.spaceId, hello.spaceId);
    expectBytes(f.docId, hello.docId);
    expectBytes(f.identity, hello.identity);
    expect(f.knownMembershipSeq).toBe(0x01020304);
    expectBytes(f.knownSnapshotId, hello.knownSnapshotId);
    expect(f.knownTailCount).toBe(0x0a0b0c0d);
    expect(f.raw).toBe(raw);
  });

  it('places every field at the offsets of the table', () => {
    const raw = encodeHello(hello);
    expect(raw.length).toBe(91);
    expect(raw[0]).toBe(PROTOCOL_VERSION);
    expect(raw[1]).toBe(0x01);
    expect(raw[2]).toBe(1);
    expectBytes(raw.subarray(3, 19), hello.spaceId);
    expectBytes(raw.subarray(19, 35), hello.docId);
    expectBytes(raw.subarray(35, 67), hello.identity);
    expect(u32At(raw, 67)).toBe(0x01020304);
    expectBytes(raw.subarray(71, 87), hello.knownSnapshotId);
    expect(u32At(raw, 87)).toBe(0x0a0b0c0d);
  });

  it('R48: knownTailCount defaults to 0 (the whole tail)', () => {
    const { knownTailCount: _omitted, ...rest } = hello;
    expect(decodeAs(encodeHello(rest), FrameKind.Hello).knownTailCount).toBe(0);
  });

  it('encodes create=false as flags 0 and knownMembershipSeq -1 as 0xFFFFFFFF', () => {
    const raw = encodeHello({ ...hello, create: false, knownMembershipSeq: -1, docId: ZERO_ID });
    expect(raw[2]).toBe(0);
    expect(u32At(raw, 67)).toBe(0xffffffff);
    const f = decodeAs(raw, FrameKind.Hello);
    expect(f.create).toBe(false);
    expect(f.knownMembershipSeq).toBe(-1);
    expectBytes(f.docId, ZERO_ID);
  });

  it('knownMembershipSeq 0 is a real seq, distinct from none', () => {
    const f = decodeAs(encodeHello({ ...hello, knownMembershipSeq: 0 }), FrameKind.Hello);
    expect(f.knownMembershipSeq).toBe(0);
  });

  it('re-encoding the decoded frame gives the same bytes', () => {
    const raw = encodeHello(hello);
    expectBytes(encodeHello(decodeAs(raw, FrameKind.Hello)), raw);
  });
});

describe('CHALLENGE (§3.2, 34 bytes) and AUTH (§3.3, 66 bytes)', () => {
  it('CHALLENGE round-trips its nonce at offset 2', () => {
    const nonce = rand(32);
    const raw = encodeChallenge(nonce);
    expect(raw.length).toBe(34);
    expect([raw[0], raw[1]]).toEqual([PROTOCOL_VERSION, 0x02]);
    expectBytes(raw.subarray(2), nonce);
    const f = decodeAs(raw, FrameKind.Challenge);
    expectBytes(f.nonce, nonce);
    expect(f.raw).toBe(raw);
  });

  it('AUTH round-trips its signature at offset 2', () => {
    const sig = rand(64);
    const raw = encodeAuth(sig);
    expect(raw.length).toBe(66);
    expect([raw[0], raw[1]]).toEqual([PROTOCOL_VERSION, 0x03]);
    expectBytes(raw.subarray(2), sig);
    const f = decodeAs(raw, FrameKind.Auth);
    expectBytes(f.signature, sig);
    expect(f.raw).toBe(raw);
  });

  it('encoders refuse a nonce or signature of the wrong size', () => {
    expect(() => encodeChallenge(rand(31))).toThrow(RangeError);
    expect(() => encodeChallenge(rand(33))).toThrow(RangeError);
    expect(() => encodeAuth(rand(63))).toThrow(RangeError);
    expect(() => encodeAuth(rand(65))).toThrow(RangeError);
  });
});

describe('READY (§3.8, 35 bytes)', () => {
  const ready = {
    role: Role.Editor,
    membershipSeq: 42,
    snapshotId: rand(16),
    snapshotHeight: 0x11223344,
    tailCount: 0x55667788,
    tailBytes: 0x99aabbcc,
  };

  it('round-trips every field at the offsets of the layout', () => {
    const raw = encodeReady(ready);
    expect(raw.length).toBe(35);
    expect([raw[0], raw[1]]).toEqual([PROTOCOL_VERSION, 0x04]);
    expect(raw[2]).toBe(Role.Editor);
    expect(u32At(raw, 3)).toBe(42);
    expectBytes(raw.subarray(7, 23), ready.snapshotId);
    expect(u32At(raw, 23)).toBe(0x11223344);
    expect(u32At(raw, 27)).toBe(0x55667788);
    expect(u32At(raw, 31)).toBe(0x99aabbcc);

    const f = decodeAs(raw, FrameKind.Ready);
    expect(f.role).toBe(Role.Editor);
    expect(f.membershipSeq).toBe(42);
    expectBytes(f.snapshotId, ready.snapshotId);
    expect(f.snapshotHeight).toBe(0x11223344);
    expect(f.tailCount).toBe(0x55667788);
    expect(f.tailBytes).toBe(0x99aabbcc);
    expect(f.raw).toBe(raw);
    expectBytes(encodeReady(f), raw);
  });

  it('membershipSeq -1 (no genesis yet) travels as 0xFFFFFFFF', () => {
    const raw = encodeReady({ ...ready, membershipSeq: -1, role: Role.None });
    expect(u32At(raw, 3)).toBe(0xffffffff);
    const f = decodeAs(raw, FrameKind.Ready);
    expect(f.membershipSeq).toBe(-1);
    expect(f.role).toBe(Role.None);
  });
});

describe('ACK (§3.9, 32 bytes)', () => {
  const ack = {
    ackedKind: FrameKind.Update,
    ref: rand(16),
    number: 7,
    tailCount: 3,
    tailBytes: 0xdeadbeef,
    duplicate: false,
  };

  it('round-trips every field at the offsets of the layout', () => {
    const raw = encodeAck(ack);
    expect(raw.length).toBe(32);
    expect([raw[0], raw[1]]).toEqual([PROTOCOL_VERSION, 0x20]);
    expect(raw[2]).toBe(0x11);
    expectBytes(raw.subarray(3, 19), ack.ref);
    expect(u32At(raw, 19)).toBe(7);
    expect(u32At(raw, 23)).toBe(3);
    expect(u32At(raw, 27)).toBe(0xdeadbeef);
    expect(raw[31]).toBe(0);

    const f = decodeAs(raw, FrameKind.Ack);
    expect(f.ackedKind).toBe(FrameKind.Update);
    expectBytes(f.ref, ack.ref);
    expect(f.number).toBe(7);
    expect(f.tailCount).toBe(3);
    expect(f.tailBytes).toBe(0xdeadbeef);
    expect(f.duplicate).toBe(false);
    expect(f.raw).toBe(raw);
    expectBytes(encodeAck(f), raw);
  });

  it('R21: DUPLICATE is flags bit 0', () => {
    const raw = encodeAck({ ...ack, duplicate: true });
    expect(raw[31]).toBe(1);
    expect(decodeAs(raw, FrameKind.Ack).duplicate).toBe(true);
  });

  it('a MEMBERSHIP ack carries a zero ref and the seq', () => {
    const f = decodeAs(encodeAck({ ...ack, ackedKind: FrameKind.Membership, ref: ZERO_ID, number: 0 }), FrameKind.Ack);
    expect(f.ackedKind).toBe(FrameKind.Membership);
    expectBytes(f.ref, ZERO_ID);
    expect(f.number).toBe(0);
  });
});

describe('DURABLE (§3.11, 2 bytes)', () => {
  it('R47: is the version and kind only, and refuses trailing bytes (R2)', () => {
    const raw = encodeDurable();
    expect([...raw]).toEqual([PROTOCOL_VERSION, 0x22]);
    expect(decodeAs(raw, FrameKind.Durable).raw).toBe(raw);
    expect(() => decodeFrame(new Uint8Array([PROTOCOL_VERSION, 0x22, 0]))).toThrow(
      expect.objectContaining({ code: 'MALFORMED_FRAME' }),
    );
  });
});

describe('INVITE_WRAP (§3.12, 70 bytes)', () => {
  it('R75: carries the invite identity, the entry seq and the wrap secret, and refuses any other length (R2)', () => {
    const invite = rand(32);
    const wrap = rand(32);
    const raw = encodeInviteWrap({ invite, seq: 0x01020304, wrap });
    expect(raw.length).toBe(70);
    expect([raw[0], raw[1]]).toEqual([PROTOCOL_VERSION, 0x14]);
    expect(u32At(raw, 34)).toBe(0x01020304);
    const f = decodeAs(raw, FrameKind.InviteWrap);
    expectBytes(f.invite, invite);
    expect(f.seq).toBe(0x01020304);
    expectBytes(f.wrap, wrap);
    for (const bad of [raw.subarray(0, 69), new Uint8Array([...raw, 0])]) {
      expect(() => decodeFrame(bad)).toThrow(expect.objectContaining({ code: 'MALFORMED_FRAME' }));
    }
  });
});

describe('ERROR (§3.10, 51 + m bytes)', () => {
  it('round-trips every field at the offsets of the layout', () => {
    const ref = rand(16);
    const latest = rand(16);
    const message = 'clock gap on 0a0b: expected 4';
    const raw = encodeError({
      code: ERROR_CODES.CLOCK_GAP,
      refKind: FrameKind.Update,
      ref,
      refNumber: 9,
      rangeFrom: 4,
      rangeTo: 8,
      latestSnapshotId: latest,
      message,
    });
    const m = new TextEncoder().encode(message).length;
    expect(raw.length).toBe(51 + m);
    expect([raw[0], raw[1]]).toEqual([PROTOCOL_VERSION, 0x21]);
    expect(u16At(raw, 2)).toBe(3001);
    expect(raw[4]).toBe(0x11);
    expectBytes(raw.subarray(5, 21), ref);
    expect(u32At(raw, 21)).toBe(9);
    expect(u32At(raw, 25)).toBe(4);
    expect(u32At(raw, 29)).toBe(8);
    expectBytes(raw.subarray(33, 49), latest);
    expect(u16At(raw, 49)).toBe(m);
    expect(new TextDecoder().decode(raw.subarray(51))).toBe(message);

    const f = decodeAs(raw, FrameKind.Error);
    expect(f.code).toBe(3001);
    expect(f.refKind).toBe(FrameKind.Update);
    expectBytes(f.ref, ref);
    expect(f.refNumber).toBe(9);
    expect(f.rangeFrom).toBe(4);
    expect(f.rangeTo).toBe(8);
    expectBytes(f.latestSnapshotId, latest);
    expect(f.message).toBe(message);
    expect(f.raw).toBe(raw);
    expectBytes(encodeError(f), raw);
  });

  it('optional fields default to zeros and an empty message (51 bytes)', () => {
    const raw = encodeError({ code: ERROR_CODES.MALFORMED_FRAME });
    expect(raw.length).toBe(51);
    const f = decodeAs(raw, FrameKind.Error);
    expect(f.code).toBe(1001);
    expect(f.refKind).toBe(0);
    expectBytes(f.ref, ZERO_ID);
    expect(f.refNumber).toBe(0);
    expect(f.rangeFrom).toBe(0);
    expect(f.rangeTo).toBe(0);
    expectBytes(f.latestSnapshotId, ZERO_ID);
    expect(f.message).toBe('');
  });

  it('round-trips a non-ASCII UTF-8 message', () => {
    const message = 'déjà vu — ✓ 🧵';
    const f = decodeAs(encodeError({ code: 5001, message }), FrameKind.Error);
    expect(f.message).toBe(message);
  });

  it('truncates a message to 256 bytes', () => {
    const raw = encodeError({ code: 5003, message: 'x'.repeat(1000) });
    expect(raw.length).toBe(51 + LIMITS.maxErrorMessageBytes);
    expect(decodeAs(raw, FrameKind.Error).message).toBe('x'.repeat(256));
  });

  it('truncates a multi-byte message on a character boundary, so that it still decodes (regression)', () => {
    // 3-byte characters: a cut at exactly 256 bytes would split the 86th character.
    for (const message of ['€'.repeat(100), 'a' + '€'.repeat(100), 'ab' + '€'.repeat(100), '🧵'.repeat(80)]) {
      const raw = encodeError({ code: 5003, message });
      expect(raw.length).toBeLessThanOrEqual(51 + 256);
      const f = decodeAs(raw, FrameKind.Error);
      expect(message.startsWith(f.message)).toBe(true);
      expect(new TextEncoder().encode(f.message).length).toBeGreaterThan(252);
    }
  });
});

describe('MEMBERSHIP (§3.4)', () => {
  const signer = rand(32);
  const subject = rand(32);
  const r1 = rand(32);
  const r2 = rand(32);
  const fields = membershipFields({
    spaceId: rand(16),
    seq: 0x01020304,
    prevHash: rand(32),
    signer,
    action: MembershipAction.Invite,
    subject,
    role: Role.Viewer,
    epoch: 0x0a0b0c0d,
    expiresAt: 1_900_000_000,
    sealedKeys: [
      { recipient: r1, sealed: rand(80) },
      { recipient: r2, sealed: rand(3) },
      { recipient: subject, sealed: new Uint8Array(0) },
    ],
  });
  const sig = rand(64);
  const raw = appendSignature(encodeMembershipBody(fields), sig);

  it('round-trips every field, sealed keys and expiresAt included', () => {
    const f = decodeAs(raw, FrameKind.Membership);
    expectBytes(f.spaceId, fields.spaceId);
    expect(f.seq).toBe(0x01020304);
    expectBytes(f.prevHash, fields.prevHash);
    expectBytes(f.signer, signer);
    expect(f.action).toBe(MembershipAction.Invite);
    expectBytes(f.subject, subject);
    expect(f.role).toBe(Role.Viewer);
    expect(f.epoch).toBe(0x0a0b0c0d);
    expect(f.expiresAt).toBe(1_900_000_000);
    expect(f.sealedKeys).toHaveLength(3);
    fields.sealedKeys.forEach((s, i) => {
      expectBytes(f.sealedKeys[i]!.recipient, s.recipient);
      expectBytes(f.sealedKeys[i]!.sealed, s.sealed);
    });
    expectBytes(f.signature, sig);
    expectBytes(f.body, raw.subarray(0, raw.length - 64));
    expect(f.raw).toBe(raw);
    expectBytes(appendSignature(encodeMembershipBody(f), f.signature), raw);
  });

  it('places every field at the offsets of the table', () => {
    expect(raw.length).toBe(162 + (34 + 80) + (34 + 3) + (34 + 0) + 1 + 64);
    expect([raw[0], raw[1]]).toEqual([PROTOCOL_VERSION, 0x10]);
    expectBytes(raw.subarray(2, 18), fields.spaceId);
    expect(u32At(raw, 18)).toBe(0x01020304);
    expectBytes(raw.subarray(22, 54), fields.prevHash);
    expectBytes(raw.subarray(54, 86), signer);
    expect(raw[86]).toBe(6);
    expectBytes(raw.subarray(87, 119), subject);
    expect(raw[119]).toBe(3);
    expect(u32At(raw, 120)).toBe(0x0a0b0c0d);
    expect(u32At(raw, 124)).toBe(1_900_000_000);
    expectBytes(raw.subarray(128, 160), new Uint8Array(32)); // keyCommit (R72): zeros for an INVITE
    expect(u16At(raw, 160)).toBe(3);
    // first sealed key: recipient ‖ u16 len ‖ sealed
    expectBytes(raw.subarray(162, 194), r1);
    expect(u16At(raw, 194)).toBe(80);
    expectBytes(raw.subarray(196, 276), fields.sealedKeys[0]!.sealed);
    expectBytes(raw.subarray(276, 308), r2);
    expect(u16At(raw, 308)).toBe(3);
    expect(raw[raw.length - 65]).toBe(0); // R121: no device chain
    expectBytes(raw.subarray(raw.length - 64), sig);
  });

  it('expiresAt left out encodes as 0', () => {
    const { expiresAt: _omit, ...rest } = fields;
    const f = decodeAs(appendSignature(encodeMembershipBody(rest), sig), FrameKind.Membership);
    expect(f.expiresAt).toBe(0);
  });

  it('an entry without sealed keys is 227 bytes', () => {
    const r = buildMembership({ sealedKeys: [] });
    expect(r.length).toBe(162 + 1 + 64);
    expect(decodeAs(r, FrameKind.Membership).sealedKeys).toEqual([]);
  });

  it('decodes every action, ROTATE included, and every role', () => {
    for (const action of Object.values(MembershipAction)) {
      expect(decodeAs(buildMembership({ action }), FrameKind.Membership).action).toBe(action);
    }
    for (const role of Object.values(Role)) {
      expect(decodeAs(buildMembership({ role }), FrameKind.Membership).role).toBe(role);
    }
  });
});

describe('UPDATE (§3.5, 135-byte header)', () => {
  const header = updateHeader({
    spaceId: rand(16),
    docId: rand(16),
    snapshotId: rand(16),
    author: rand(32),
    viewSeq: 7,
    viewHead: rand(8),
    prevLink: rand(32),
  });
  const nonce = rand(24);
  const ciphertext = rand(57);
  const sig = rand(64);
  const headerBytes = encodeUpdateHeader(header);
  const raw = appendSignature(encodeContentBody(headerBytes, nonce, ciphertext), sig);

  it('the header is 135 bytes: clock at 86, membership view at 90, prevLink at 102, flags at 134', () => {
    expect(headerBytes.length).toBe(135);
    expect([headerBytes[0], headerBytes[1]]).toEqual([PROTOCOL_VERSION, 0x11]);
    expectBytes(headerBytes.subarray(2, 18), header.spaceId);
    expectBytes(headerBytes.subarray(18, 34), header.docId);
    expect(u32At(headerBytes, 34)).toBe(header.epoch);
    expectBytes(headerBytes.subarray(38, 54), header.snapshotId);
    expectBytes(headerBytes.subarray(54, 86), header.author);
    expect(u32At(headerBytes, 86)).toBe(header.clock);
    expect(u32At(headerBytes, 90)).toBe(7);
    expectBytes(headerBytes.subarray(94, 102), header.viewHead!);
    expectBytes(headerBytes.subarray(102, 134), header.prevLink!);
    expect(headerBytes[134]).toBe(1);
  });

  it('R51: an unsigned UPDATE has flags 0 and no signature trailer', () => {
    const unsignedHeader = encodeUpdateHeader({ ...header, signed: false });
    expect(unsignedHeader[134]).toBe(0);
    const body = encodeContentBody(unsignedHeader, nonce, ciphertext);
    const f = decodeAs(body, FrameKind.Update);
    expect(f.signed).toBe(false);
    expect(f.signature.length).toBe(0);
    expectBytes(f.body, body);
    expect(() => decodeFrame(appendSignature(body, sig))).toThrow(expect.objectContaining({ code: 'MALFORMED_FRAME' }));
  });

  it('R2: unknown update flags are MALFORMED_FRAME', () => {
    const bad = raw.slice();
    bad[134] = 3;
    expect(() => decodeFrame(bad)).toThrow(expect.objectContaining({ code: 'MALFORMED_FRAME' }));
  });

  it('nonce at 135, length at 159, ciphertext at 163, signature at 163+n', () => {
    const n = ciphertext.length;
    expect(raw.length).toBe(163 + n + 64);
    expectBytes(raw.subarray(0, 135), headerBytes);
    expectBytes(raw.subarray(135, 159), nonce);
    expect(u32At(raw, 159)).toBe(n);
    expectBytes(raw.subarray(163, 163 + n), ciphertext);
    expectBytes(raw.subarray(163 + n), sig);
  });

  it('round-trips every field; header is the AEAD ad and body what the signature covers', () => {
    const f = decodeAs(raw, FrameKind.Update);
    expectBytes(f.spaceId, header.spaceId);
    expectBytes(f.docId, header.docId);
    expect(f.epoch).toBe(header.epoch);
    expectBytes(f.snapshotId, header.snapshotId);
    expectBytes(f.author, header.author);
    expect(f.clock).toBe(header.clock);
    expect(f.viewSeq).toBe(7);
    expectBytes(f.viewHead, header.viewHead!);
    expectBytes(f.prevLink, header.prevLink!);
    expect(f.signed).toBe(true);
    expectBytes(f.nonce, nonce);
    expectBytes(f.ciphertext, ciphertext);
    expectBytes(f.signature, sig);
    expectBytes(f.header, headerBytes);
    expectBytes(f.body, raw.subarray(0, 163 + ciphertext.length));
    expect(f.raw).toBe(raw);
    expectBytes(appendSignature(encodeContentBody(encodeUpdateHeader(f), f.nonce, f.ciphertext), f.signature), raw);
  });

  it('accepts the smallest ciphertext (a bare 16-byte tag) and the largest clock', () => {
    const f = decodeAs(buildUpdate({ clock: 0xffffffff }, rand(16)), FrameKind.Update);
    expect(f.ciphertext.length).toBe(16);
    expect(f.clock).toBe(0xffffffff);
  });

  it('returned byte fields are views into raw (no copy)', () => {
    const f = decodeAs(raw, FrameKind.Update);
    expect(f.ciphertext.buffer).toBe(raw.buffer);
    expect(f.ciphertext.byteOffset).toBe(raw.byteOffset + 163);
  });
});

describe('SNAPSHOT (§3.6, 152 + 68·k header)', () => {
  const header = snapshotHeader({
    spaceId: rand(16),
    docId: rand(16),
    snapshotId: rand(16),
    parentId: rand(16),
    proof: rand(32),
    author: rand(32),
    viewSeq: 0,
    viewHead: rand(8),
    clocks: [
      { author: rand(32), clock: 1, link: rand(32) },
      { author: rand(32), clock: 0x01000001, link: rand(32) },
      { author: rand(32), clock: 0xffffffff, link: rand(32) },
    ],
  });
  const nonce = rand(24);
  const ciphertext = rand(100);
  const sig = rand(64);
  const headerBytes = encodeSnapshotHeader(header);
  const raw = appendSignature(encodeContentBody(headerBytes, nonce, ciphertext), sig);
  const h = 152 + 68 * 3;

  it('places every header field at the offsets of the table', () => {
    expect(headerBytes.length).toBe(h);
    expect([headerBytes[0], headerBytes[1]]).toEqual([PROTOCOL_VERSION, 0x12]);
    expectBytes(headerBytes.subarray(2, 18), header.spaceId);
    expectBytes(headerBytes.subarray(18, 34), header.docId);
    expect(u32At(headerBytes, 34)).toBe(header.epoch);
    expectBytes(headerBytes.subarray(38, 54), header.snapshotId);
    expectBytes(headerBytes.subarray(54, 70), header.parentId);
    expect(u32At(headerBytes, 70)).toBe(header.height);
    expectBytes(headerBytes.subarray(74, 106), header.proof);
    expectBytes(headerBytes.subarray(106, 138), header.author);
    expect(u32At(headerBytes, 138)).toBe(0);
    expectBytes(headerBytes.subarray(142, 150), header.viewHead!);
    expect(u16At(headerBytes, 150)).toBe(3);
    header.clocks.forEach((c, i) => {
      const off = 152 + 68 * i;
      expectBytes(headerBytes.subarray(off, off + 32), c.author);
      expect(u32At(headerBytes, off + 32)).toBe(c.clock);
      expectBytes(headerBytes.subarray(off + 36, off + 68), c.link!);
    });
  });

  it('nonce at h, length at h+24, ciphertext at h+28, signature at h+28+n', () => {
    const n = ciphertext.length;
    expect(raw.length).toBe(h + 28 + n + 64);
    expectBytes(raw.subarray(h, h + 24), nonce);
    expect(u32At(raw, h + 24)).toBe(n);
    expectBytes(raw.subarray(h + 28, h + 28 + n), ciphertext);
    expectBytes(raw.subarray(h + 28 + n), sig);
  });

  it('round-trips every field', () => {
    const f = decodeAs(raw, FrameKind.Snapshot);
    expectBytes(f.spaceId, header.spaceId);
    expectBytes(f.docId, header.docId);
    expect(f.epoch).toBe(header.epoch);
    expectBytes(f.snapshotId, header.snapshotId);
    expectBytes(f.parentId, header.parentId);
    expect(f.height).toBe(header.height);
    expectBytes(f.proof, header.proof);
    expectBytes(f.author, header.author);
    expect(f.clocks).toHaveLength(3);
    header.clocks.forEach((c, i) => {
      expectBytes(f.clocks[i]!.author, c.author);
      expect(f.clocks[i]!.clock).toBe(c.clock);
      expectBytes(f.clocks[i]!.link, c.link!);
    });
    expect(f.viewSeq).toBe(0);
    expectBytes(f.nonce, nonce);
    expectBytes(f.ciphertext, ciphertext);
    expectBytes(f.signature, sig);
    expectBytes(f.header, headerBytes);
    expectBytes(f.body, raw.subarray(0, raw.length - 64));
    expect(f.raw).toBe(raw);
    expectBytes(appendSignature(encodeContentBody(encodeSnapshotHeader(f), f.nonce, f.ciphertext), f.signature), raw);
  });

  it('a first snapshot with no clocks has a 152-byte header; no view is -1 and zeros', () => {
    const first = snapshotHeader({ parentId: ZERO_ID, height: 1, proof: new Uint8Array(32), clocks: [] });
    expect(encodeSnapshotHeader(first).length).toBe(152);
    const f = decodeAs(buildSnapshot(first), FrameKind.Snapshot);
    expect(f.clocks).toEqual([]);
    expect(f.height).toBe(1);
    expect(f.header.length).toBe(152);
    expect(f.viewSeq).toBe(-1);
    expectBytes(f.viewHead, new Uint8Array(8));
  });
});

describe('EPHEMERAL (§3.7, 86-byte header)', () => {
  const header = ephemeralHeader({
    spaceId: rand(16),
    docId: rand(16),
    author: rand(32),
    sequence: 0xcafebabe,
    viewSeq: 3,
    viewHead: rand(8),
  });
  const nonce = rand(24);
  const ciphertext = rand(33);
  const sig = rand(64);
  const headerBytes = encodeEphemeralHeader(header);
  const raw = appendSignature(encodeContentBody(headerBytes, nonce, ciphertext), sig);

  it('places every field at the offsets of the layout', () => {
    expect(headerBytes.length).toBe(86);
    expect([raw[0], raw[1]]).toEqual([PROTOCOL_VERSION, 0x13]);
    expectBytes(raw.subarray(2, 18), header.spaceId);
    expectBytes(raw.subarray(18, 34), header.docId);
    expect(u32At(raw, 34)).toBe(header.epoch);
    expectBytes(raw.subarray(38, 70), header.author);
    expect(u32At(raw, 70)).toBe(0xcafebabe);
    expect(u32At(raw, 74)).toBe(3);
    expectBytes(raw.subarray(78, 86), header.viewHead!);
    expectBytes(raw.subarray(86, 110), nonce);
    expect(u32At(raw, 110)).toBe(33);
    expectBytes(raw.subarray(114, 147), ciphertext);
    expectBytes(raw.subarray(147), sig);
    expect(raw.length).toBe(86 + 28 + 33 + 64);
  });

  it('round-trips every field', () => {
    const f = decodeAs(raw, FrameKind.Ephemeral);
    expectBytes(f.spaceId, header.spaceId);
    expectBytes(f.docId, header.docId);
    expect(f.epoch).toBe(header.epoch);
    expectBytes(f.author, header.author);
    expect(f.sequence).toBe(0xcafebabe);
    expect(f.viewSeq).toBe(3);
    expectBytes(f.viewHead, header.viewHead!);
    expectBytes(f.nonce, nonce);
    expectBytes(f.ciphertext, ciphertext);
    expectBytes(f.signature, sig);
    expectBytes(f.header, headerBytes);
    expectBytes(f.body, raw.subarray(0, raw.length - 64));
    expect(f.raw).toBe(raw);
  });

  it('sequence 0 is allowed (it is not a clock)', () => {
    expect(decodeAs(buildEphemeral({ sequence: 0 }), FrameKind.Ephemeral).sequence).toBe(0);
  });
});

describe('frames inside a larger buffer', () => {
  it('decodes a frame that is a view at a non-zero, odd offset of a bigger buffer', () => {
    const frames = [
      encodeHello({
        create: false,
        spaceId: rand(16),
        docId: rand(16),
        identity: rand(32),
        knownMembershipSeq: 77,
        knownSnapshotId: rand(16),
      }),
      buildUpdate({ clock: 0x01020304 }),
      buildSnapshot(),
      buildMembership({ seq: 5 }),
      encodeError({ code: 3001, rangeFrom: 2, rangeTo: 9, message: 'gap' }),
    ];
    for (const raw of frames) {
      const big = new Uint8Array(raw.length + 13).fill(0xee);
      big.set(raw, 7);
      const view = big.subarray(7, 7 + raw.length);
      const a = decodeFrame(raw);
      const b = decodeFrame(view);
      const { raw: _ra, ...restA } = a as unknown as Record<string, unknown>;
      const { raw: _rb, ...restB } = b as unknown as Record<string, unknown>;
      expect(restB).toEqual(restA);
    }
  });

  it('every content builder uses the default fixtures consistently', () => {
    expect(decodeFrame(buildUpdate()).kind).toBe(FrameKind.Update);
    expect(decodeFrame(buildSnapshot()).kind).toBe(FrameKind.Snapshot);
    expect(decodeFrame(buildEphemeral()).kind).toBe(FrameKind.Ephemeral);
    expect(decodeFrame(buildMembership()).kind).toBe(FrameKind.Membership);
  });
});
