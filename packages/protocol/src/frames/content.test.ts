import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DOMAIN } from '../constants/domains.js';
import { FrameKind } from '../constants/FrameKind.js';
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
  updateHeader,
} from '../testing/fixtures.js';
import { concatBytes } from '../util/concatBytes.js';
import {
  appendSignature,
  authSigningInput,
  encodeContentBody,
  encodeEphemeralHeader,
  encodeMembershipBody,
  encodeSnapshotHeader,
  encodeUpdateHeader,
  signingInput,
  snapshotProofInput,
} from './content.js';
import { encodeHello } from './control.js';
import { decodeFrame } from './decodeFrame.js';
import { ZERO_HASH } from './zero.js';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('signingInput (R5)', () => {
  const body = rand(50);

  it.each([
    ['UPDATE', FrameKind.Update, 'trame/v1/update\0'],
    ['SNAPSHOT', FrameKind.Snapshot, 'trame/v1/snapshot\0'],
    ['EPHEMERAL', FrameKind.Ephemeral, 'trame/v1/ephemeral\0'],
    ['MEMBERSHIP', FrameKind.Membership, 'trame/v1/membership\0'],
  ] as const)('R5: a %s is signed over its NUL-terminated domain ‖ body', (_n, kind, domain) => {
    const input = signingInput(kind, body);
    expectBytes(input, concatBytes(ascii(domain), body));
    expect(input[ascii(domain).length - 1]).toBe(0);
  });

  it('R5: unsigned kinds (and unknown ones) are refused', () => {
    for (const kind of [
      FrameKind.Hello,
      FrameKind.Challenge,
      FrameKind.Auth,
      FrameKind.Ready,
      FrameKind.Ack,
      FrameKind.Error,
      0,
      0x14,
      0xff,
    ]) {
      expect(() => signingInput(kind, body), `kind ${kind}`).toThrow(RangeError);
    }
  });

  it('R5: the same body gives a different input for every kind (no cross-purpose replay)', () => {
    const inputs = [FrameKind.Update, FrameKind.Snapshot, FrameKind.Ephemeral, FrameKind.Membership].map((k) =>
      Buffer.from(signingInput(k, body)).toString('hex'),
    );
    expect(new Set(inputs).size).toBe(4);
  });

  it('R5: the signature of a decoded frame covers exactly its body (all but the last 64 bytes)', () => {
    const frames: Array<[Uint8Array, Uint8Array]> = [
      [buildUpdate(), DOMAIN.update],
      [buildSnapshot(), DOMAIN.snapshot],
      [buildEphemeral(), DOMAIN.ephemeral],
      [buildMembership(), DOMAIN.membership],
    ];
    for (const [raw, domain] of frames) {
      const f = decodeFrame(raw);
      if (!('body' in f)) throw new Error('content frame expected');
      expectBytes(f.body, raw.subarray(0, raw.length - 64));
      expectBytes(f.signature, raw.subarray(raw.length - 64));
      expectBytes(signingInput(f.kind, f.body), concatBytes(domain, raw.subarray(0, raw.length - 64)));
    }
  });

  it('R5: an empty body gives the bare domain', () => {
    expectBytes(signingInput(FrameKind.Update, new Uint8Array(0)), DOMAIN.update);
  });
});

describe('authSigningInput (R10, R16)', () => {
  it('R16: is "trame/v1/auth\\0" ‖ challenge nonce ‖ hello.raw ‖ u8 length ‖ relay host', () => {
    const nonce = rand(32);
    const helloRaw = encodeHello({
      create: false,
      spaceId: rand(16),
      docId: rand(16),
      identity: rand(32),
      knownMembershipSeq: -1,
      knownSnapshotId: rand(16),
    });
    const input = authSigningInput(nonce, helloRaw, 'trame.example');
    expect(input.length).toBe(14 + 32 + 91 + 1 + 13);
    expectBytes(input.subarray(0, 14), ascii('trame/v1/auth\0'));
    expectBytes(input.subarray(14, 46), nonce);
    expectBytes(input.subarray(46, 137), helloRaw);
    expect(input[137]).toBe(13);
    expectBytes(input.subarray(138), ascii('trame.example'));
  });

  it('R10: binds the HELLO: another HELLO or nonce gives another input', () => {
    const nonce = rand(32);
    const a = rand(91);
    const b = a.slice();
    b[2] = b[2]! ^ 1;
    const h = 'trame.example';
    expect(Buffer.from(authSigningInput(nonce, a, h)).equals(Buffer.from(authSigningInput(nonce, b, h)))).toBe(false);
    expect(Buffer.from(authSigningInput(nonce, a, h)).equals(Buffer.from(authSigningInput(rand(32), a, h)))).toBe(
      false,
    );
  });

  it('R16: binds the relay host: an answer made for one relay is not one for another', () => {
    const nonce = rand(32);
    const hello = rand(91);
    const a = authSigningInput(nonce, hello, '127.0.0.1:4303');
    expect(Buffer.from(a).equals(Buffer.from(authSigningInput(nonce, hello, '127.0.0.1:4304')))).toBe(false);
    expect(() => authSigningInput(nonce, hello, 'x'.repeat(256))).toThrow(RangeError);
  });
});

describe('snapshotProofInput (R24)', () => {
  it('R24: is "trame/v1/snapshot-proof\\0" ‖ parent proof ‖ SHA-256(parent frame)', () => {
    const proof = rand(32);
    const parentHash = rand(32);
    const input = snapshotProofInput(proof, parentHash);
    const domain = ascii('trame/v1/snapshot-proof\0');
    expect(input.length).toBe(domain.length + 64);
    expectBytes(input, concatBytes(domain, proof, parentHash));
  });

  it('R24: a first snapshot uses zero hashes', () => {
    const input = snapshotProofInput(ZERO_HASH, ZERO_HASH);
    expectBytes(input.subarray(DOMAIN.snapshotProof.length), new Uint8Array(64));
  });

  it('R24: refuses inputs that are not 32-byte hashes', () => {
    for (const n of [0, 16, 31, 33, 64]) {
      expect(() => snapshotProofInput(rand(n), rand(32)), `proof of ${n}`).toThrow(RangeError);
      expect(() => snapshotProofInput(rand(32), rand(n)), `hash of ${n}`).toThrow(RangeError);
    }
  });

  it('R24: a proof chain computed with it is order-sensitive', () => {
    const sha = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());
    const h1 = sha(rand(10));
    const h2 = sha(rand(10));
    const p1 = sha(snapshotProofInput(ZERO_HASH, h1));
    const p2 = sha(snapshotProofInput(p1, h2));
    const swapped = sha(snapshotProofInput(sha(snapshotProofInput(ZERO_HASH, h2)), h1));
    expect(Buffer.from(p2).equals(Buffer.from(swapped))).toBe(false);
  });
});

describe('appendSignature', () => {
  it('appends the 64-byte signature to the body', () => {
    const body = rand(10);
    const sig = rand(64);
    const raw = appendSignature(body, sig);
    expect(raw.length).toBe(74);
    expectBytes(raw, concatBytes(body, sig));
  });

  it('refuses a signature that is not 64 bytes', () => {
    for (const n of [0, 32, 63, 65]) expect(() => appendSignature(rand(10), rand(n))).toThrow(RangeError);
  });
});

describe('encoders refuse fields of the wrong size', () => {
  it('UPDATE header', () => {
    expect(() => encodeUpdateHeader(updateHeader({ spaceId: rand(15) }))).toThrow(RangeError);
    expect(() => encodeUpdateHeader(updateHeader({ docId: rand(17) }))).toThrow(RangeError);
    expect(() => encodeUpdateHeader(updateHeader({ snapshotId: rand(32) }))).toThrow(RangeError);
    expect(() => encodeUpdateHeader(updateHeader({ author: rand(31) }))).toThrow(RangeError);
  });

  it('SNAPSHOT header', () => {
    expect(() => encodeSnapshotHeader(snapshotHeader({ parentId: rand(15) }))).toThrow(RangeError);
    expect(() => encodeSnapshotHeader(snapshotHeader({ proof: rand(16) }))).toThrow(RangeError);
    expect(() => encodeSnapshotHeader(snapshotHeader({ clocks: [{ author: rand(16), clock: 1 }] }))).toThrow(
      RangeError,
    );
  });

  it('EPHEMERAL header', () => {
    expect(() => encodeEphemeralHeader(ephemeralHeader({ author: rand(33) }))).toThrow(RangeError);
  });

  it('content body nonce', () => {
    expect(() => encodeContentBody(rand(90), rand(23), rand(16))).toThrow(RangeError);
    expect(() => encodeContentBody(rand(90), rand(25), rand(16))).toThrow(RangeError);
  });

  it('MEMBERSHIP body', () => {
    expect(() => encodeMembershipBody(membershipFields({ prevHash: rand(31) }))).toThrow(RangeError);
    expect(() => encodeMembershipBody(membershipFields({ signer: rand(16) }))).toThrow(RangeError);
    expect(() =>
      encodeMembershipBody(membershipFields({ sealedKeys: [{ recipient: rand(31), sealed: rand(4) }] })),
    ).toThrow(RangeError);
  });
});

describe('content body', () => {
  it('is header ‖ nonce ‖ u32 n ‖ ciphertext, whatever the header', () => {
    const header = rand(7);
    const nonce = rand(24);
    const ct = rand(300);
    const body = encodeContentBody(header, nonce, ct);
    expect(body.length).toBe(7 + 24 + 4 + 300);
    expectBytes(body.subarray(0, 7), header);
    expectBytes(body.subarray(7, 31), nonce);
    expect(new DataView(body.buffer).getUint32(31)).toBe(300);
    expectBytes(body.subarray(35), ct);
  });

  it('the decoded header of a frame is byte for byte the encoded header (AEAD ad)', () => {
    const h = updateHeader({ clock: 5 });
    const f = decodeAs(buildUpdate(h), FrameKind.Update);
    expectBytes(f.header, encodeUpdateHeader(h));
    const s = snapshotHeader();
    expectBytes(decodeAs(buildSnapshot(s), FrameKind.Snapshot).header, encodeSnapshotHeader(s));
    const e = ephemeralHeader();
    expectBytes(decodeAs(buildEphemeral(e), FrameKind.Ephemeral).header, encodeEphemeralHeader(e));
  });
});
