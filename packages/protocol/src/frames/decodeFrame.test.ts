import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../constants/protocolVersion.js';
import { FrameKind } from '../constants/FrameKind.js';
import { LIMITS } from '../constants/limits.js';
import { MembershipAction } from '../constants/MembershipAction.js';
import { Role } from '../constants/Role.js';
import { ERROR_CODES } from '../errors/errorCodes.js';
import { TrameError } from '../errors/TrameError.js';
import {
  buildEphemeral,
  buildMembership,
  buildSnapshot,
  buildUpdate,
  decodeAs,
  expectTrameError,
  filled,
  rand,
  snapshotHeader,
} from '../testing/fixtures.js';
import { concatBytes } from '../util/concatBytes.js';
import { appendSignature, encodeContentBody, encodeSnapshotHeader } from './content.js';
import { encodeAck, encodeAuth, encodeChallenge, encodeError, encodeHello, encodeReady } from './control.js';
import { decodeFrame } from './decodeFrame.js';

/** A copy of `raw` with `patch` applied. */
function patched(raw: Uint8Array, patch: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
  const copy = raw.slice();
  patch(new DataView(copy.buffer), copy);
  return copy;
}

const hello = encodeHello({
  create: true,
  spaceId: rand(16),
  docId: rand(16),
  identity: rand(32),
  knownMembershipSeq: 3,
  knownSnapshotId: rand(16),
});

/** One valid frame of every kind. */
/** A version 5 MEMBERSHIP frame without a chain, as written under 4: the u8 chain length removed. */
function dropChainLength(raw: Uint8Array): Uint8Array {
  const out = new Uint8Array(raw.length - 1);
  out.set(raw.subarray(0, raw.length - 65));
  out.set(raw.subarray(raw.length - 64), raw.length - 65);
  return out;
}

const samples: Array<[string, Uint8Array]> = [
  ['HELLO', hello],
  ['CHALLENGE', encodeChallenge(rand(32))],
  ['AUTH', encodeAuth(rand(64))],
  [
    'READY',
    encodeReady({ role: 2, membershipSeq: 4, snapshotId: rand(16), snapshotHeight: 2, tailCount: 1, tailBytes: 9 }),
  ],
  [
    'MEMBERSHIP',
    buildMembership({
      sealedKeys: [
        { recipient: rand(32), sealed: rand(48) },
        { recipient: rand(32), sealed: rand(5) },
      ],
    }),
  ],
  ['UPDATE', buildUpdate()],
  ['SNAPSHOT', buildSnapshot()],
  ['EPHEMERAL', buildEphemeral()],
  [
    'ACK',
    encodeAck({ ackedKind: FrameKind.Snapshot, ref: rand(16), number: 2, tailCount: 0, tailBytes: 0, duplicate: true }),
  ],
  ['ERROR', encodeError({ code: 3003, latestSnapshotId: rand(16), message: 'stale snapshot' })],
];

describe('sanity', () => {
  it.each(samples)('the %s sample decodes', (_name, raw) => {
    expect(() => decodeFrame(raw)).not.toThrow();
  });
});

describe('R1: version', () => {
  it.each(samples)('R1: a %s frame with version 0, 1, 2, 6 or 255 is UNSUPPORTED_VERSION (1002)', (_name, raw) => {
    for (const v of [0, 1, 2, 6, 255]) {
      const e = expectTrameError(() => decodeFrame(patched(raw, (_d, b) => (b[0] = v))), 'UNSUPPORTED_VERSION');
      expect(e.number).toBe(1002);
    }
  });

  it.each(samples)('R1/R38/R121: a %s frame written under version 3 or 4 is still read', (_name, raw) => {
    expect(PROTOCOL_VERSION).toBe(5);
    expect(raw[0]).toBe(PROTOCOL_VERSION);
    // R121: only MEMBERSHIP frames changed: under 3 and 4 they end without the chain's length byte.
    const old = raw[1] === FrameKind.Membership ? dropChainLength(raw) : raw;
    for (const v of [3, 4]) expect(decodeFrame(patched(old, (_d, b) => (b[0] = v))).kind).toBe(raw[1]);
    expectTrameError(() => decodeFrame(patched(raw, (_d, b) => (b[0] = 6))), 'UNSUPPORTED_VERSION');
  });

  it('R1: the version is checked before the kind', () => {
    expectTrameError(() => decodeFrame(new Uint8Array([1])), 'UNSUPPORTED_VERSION');
    expectTrameError(() => decodeFrame(new Uint8Array([1, 0xff, 0xff])), 'UNSUPPORTED_VERSION');
  });
});

describe('R2: strict parsing', () => {
  it('R2: an empty frame and a lone version byte are MALFORMED_FRAME (1001)', () => {
    expect(expectTrameError(() => decodeFrame(new Uint8Array(0)), 'MALFORMED_FRAME').number).toBe(1001);
    expectTrameError(() => decodeFrame(new Uint8Array([3])), 'MALFORMED_FRAME');
  });

  it.each(samples)('R2: every truncation of a %s frame is MALFORMED_FRAME', (_name, raw) => {
    for (let len = 0; len < raw.length; len++) {
      const e = (() => {
        try {
          decodeFrame(raw.slice(0, len));
        } catch (err) {
          return err;
        }
        return undefined;
      })();
      expect(e, `prefix of ${len} bytes`).toBeInstanceOf(TrameError);
      expect((e as TrameError).code, `prefix of ${len} bytes`).toBe('MALFORMED_FRAME');
    }
  });

  it.each(samples)('R2: a %s frame with trailing bytes is MALFORMED_FRAME', (_name, raw) => {
    for (const extra of [new Uint8Array([0]), rand(1), rand(7), rand(64)]) {
      expectTrameError(() => decodeFrame(concatBytes(raw, extra)), 'MALFORMED_FRAME');
    }
  });

  it('R2: the trailing-bytes error says how many', () => {
    const e = expectTrameError(() => decodeFrame(concatBytes(hello, new Uint8Array(3))), 'MALFORMED_FRAME');
    expect(e.message).toContain('3 trailing bytes');
  });

  it('R2: unknown frame kinds are MALFORMED_FRAME', () => {
    const known = new Set<number>(Object.values(FrameKind));
    for (let kind = 0; kind < 256; kind++) {
      if (known.has(kind)) continue;
      const raw = patched(hello, (_d, b) => (b[1] = kind));
      const e = expectTrameError(() => decodeFrame(raw), 'MALFORMED_FRAME');
      expect(e.message).toContain('unknown frame kind');
    }
  });

  describe('content frames: ciphertext length (§3.5-§3.7)', () => {
    const cases: Array<[string, (ct: Uint8Array) => Uint8Array, number]> = [
      ['UPDATE', (ct) => buildUpdate({}, ct), 159],
      ['SNAPSHOT', (ct) => buildSnapshot({}, ct), 152 + 68 * 2 + 24],
      ['EPHEMERAL', (ct) => buildEphemeral({}, ct), 110],
    ];

    it.each(cases)('R2: %s whose length field disagrees with the frame is MALFORMED_FRAME', (_n, build, lenOff) => {
      const raw = build(rand(40));
      expect(new DataView(raw.buffer).getUint32(lenOff)).toBe(40);
      for (const wrong of [39, 41, 16, 40 + 64, 0xffffffff]) {
        const e = expectTrameError(
          () => decodeFrame(patched(raw, (d) => d.setUint32(lenOff, wrong))),
          'MALFORMED_FRAME',
        );
        expect(e.message).toMatch(/ciphertext length does not match/);
      }
    });

    it.each(cases)('R2: %s whose ciphertext is shorter than the 16-byte tag is MALFORMED_FRAME', (_n, build) => {
      for (const n of [0, 1, 15]) {
        const e = expectTrameError(() => decodeFrame(build(rand(n))), 'MALFORMED_FRAME');
        expect(e.message).toMatch(/shorter than its tag/);
      }
      expect(() => decodeFrame(build(rand(16)))).not.toThrow();
    });

    it.each(cases)('R2: %s without its signature is MALFORMED_FRAME', (_n, build) => {
      const raw = build(rand(40));
      expectTrameError(() => decodeFrame(raw.subarray(0, raw.length - 64)), 'MALFORMED_FRAME');
      expectTrameError(() => decodeFrame(raw.subarray(0, raw.length - 1)), 'MALFORMED_FRAME');
    });
  });

  it('R2: HELLO flags above 3 are MALFORMED_FRAME; bit 1 is WITH_PARENT (R53)', () => {
    const withParent = decodeAs(
      patched(hello, (_d, b) => (b[2] = 3)),
      FrameKind.Hello,
    );
    expect([withParent.create, withParent.withParent]).toEqual([true, true]);
    for (const flags of [4, 0x80, 0xff]) {
      const e = expectTrameError(() => decodeFrame(patched(hello, (_d, b) => (b[2] = flags))), 'MALFORMED_FRAME');
      expect(e.message).toMatch(/HELLO flags/);
    }
    expect(
      decodeAs(
        patched(hello, (_d, b) => (b[2] = 0)),
        FrameKind.Hello,
      ).create,
    ).toBe(false);
    expect(
      decodeAs(
        patched(hello, (_d, b) => (b[2] = 1)),
        FrameKind.Hello,
      ).create,
    ).toBe(true);
  });

  it('R2: ACK flags above 1 are MALFORMED_FRAME', () => {
    const ack = samples.find(([n]) => n === 'ACK')![1];
    for (const flags of [2, 0xff]) {
      expectTrameError(() => decodeFrame(patched(ack, (_d, b) => (b[31] = flags))), 'MALFORMED_FRAME');
    }
  });

  it('R2: an UPDATE with clock 0 is MALFORMED_FRAME (clocks start at 1)', () => {
    const e = expectTrameError(() => decodeFrame(buildUpdate({ clock: 0 })), 'MALFORMED_FRAME');
    expect(e.message).toMatch(/clocks start at 1/);
    expect(decodeAs(buildUpdate({ clock: 1 }), FrameKind.Update).clock).toBe(1);
  });

  it('R2: a SNAPSHOT with height 0 is MALFORMED_FRAME (heights start at 1)', () => {
    const e = expectTrameError(() => decodeFrame(buildSnapshot({ height: 0 })), 'MALFORMED_FRAME');
    expect(e.message).toMatch(/heights start at 1/);
    expect(decodeAs(buildSnapshot({ height: 1 }), FrameKind.Snapshot).height).toBe(1);
  });

  it('R2: a MEMBERSHIP with an unknown action is MALFORMED_FRAME', () => {
    const raw = buildMembership();
    for (const action of [0, 10, 0x7f, 0xff]) {
      const e = expectTrameError(() => decodeFrame(patched(raw, (_d, b) => (b[86] = action))), 'MALFORMED_FRAME');
      expect(e.message).toContain(`unknown action ${action}`);
    }
    expect(
      decodeAs(
        patched(raw, (_d, b) => (b[86] = MembershipAction.Accept)),
        FrameKind.Membership,
      ).action,
    ).toBe(7);
  });

  it('R93: DEVICE_ADD and DEVICE_REMOVE decode under version 4 and are MALFORMED_FRAME under version 3', () => {
    const raw = buildMembership();
    for (const action of [MembershipAction.DeviceAdd, MembershipAction.DeviceRemove]) {
      expect(
        decodeAs(
          patched(raw, (_d, b) => (b[86] = action)),
          FrameKind.Membership,
        ).action,
      ).toBe(action);
      const e = expectTrameError(
        () =>
          decodeFrame(
            patched(raw, (_d, b) => {
              b[0] = 3;
              b[86] = action;
            }),
          ),
        'MALFORMED_FRAME',
      );
      expect(e.message).toContain('needs protocol 4');
    }
  });

  it('R2: a MEMBERSHIP with an unknown role is MALFORMED_FRAME', () => {
    const raw = buildMembership();
    for (const role of [4, 5, 0xff]) {
      const e = expectTrameError(() => decodeFrame(patched(raw, (_d, b) => (b[119] = role))), 'MALFORMED_FRAME');
      expect(e.message).toContain(`unknown role ${role}`);
    }
    expect(
      decodeAs(
        patched(raw, (_d, b) => (b[119] = Role.Viewer)),
        FrameKind.Membership,
      ).role,
    ).toBe(3);
  });

  it('R2: a MEMBERSHIP with more than maxSealedKeys sealed keys is MALFORMED_FRAME', () => {
    const raw = buildMembership({ sealedKeys: [] });
    for (const count of [LIMITS.maxSealedKeys + 1, 0xffff]) {
      const e = expectTrameError(() => decodeFrame(patched(raw, (d) => d.setUint16(160, count))), 'MALFORMED_FRAME');
      expect(e.message).toMatch(/too many sealed keys/);
    }
  });

  it('R2: a MEMBERSHIP with exactly maxSealedKeys sealed keys decodes', () => {
    const sealedKeys = Array.from({ length: LIMITS.maxSealedKeys }, (_, i) => ({
      recipient: filled(32, i & 0xff),
      sealed: new Uint8Array(0),
    }));
    const f = decodeAs(buildMembership({ sealedKeys }), FrameKind.Membership);
    expect(f.sealedKeys).toHaveLength(LIMITS.maxSealedKeys);
  });

  it('R2: a MEMBERSHIP sealed key over maxSealedKeyBytes is MALFORMED_FRAME', () => {
    const ok = buildMembership({ sealedKeys: [{ recipient: rand(32), sealed: rand(LIMITS.maxSealedKeyBytes) }] });
    expect(decodeAs(ok, FrameKind.Membership).sealedKeys[0]!.sealed.length).toBe(LIMITS.maxSealedKeyBytes);
    const tooLong = buildMembership({
      sealedKeys: [{ recipient: rand(32), sealed: rand(LIMITS.maxSealedKeyBytes + 1) }],
    });
    expect(expectTrameError(() => decodeFrame(tooLong), 'MALFORMED_FRAME').message).toMatch(/sealed key too long/);
  });

  it('R2: a MEMBERSHIP whose sealedCount claims more keys than present is MALFORMED_FRAME', () => {
    const raw = buildMembership();
    expectTrameError(() => decodeFrame(patched(raw, (d) => d.setUint16(160, 2))), 'MALFORMED_FRAME');
    expectTrameError(() => decodeFrame(patched(raw, (d) => d.setUint16(160, 0))), 'MALFORMED_FRAME');
  });

  it('R2: a SNAPSHOT with more than maxSnapshotAuthors clocks is MALFORMED_FRAME', () => {
    const raw = buildSnapshot({ clocks: [] });
    for (const k of [LIMITS.maxSnapshotAuthors + 1, 0xffff]) {
      const e = expectTrameError(() => decodeFrame(patched(raw, (d) => d.setUint16(150, k))), 'MALFORMED_FRAME');
      expect(e.message).toMatch(/too many authors/);
    }
  });

  it('R2: a SNAPSHOT with exactly maxSnapshotAuthors clocks decodes', () => {
    const clocks = Array.from({ length: LIMITS.maxSnapshotAuthors }, (_, i) => ({
      author: filled(32, i & 0xff),
      clock: i + 1,
    }));
    const f = decodeAs(buildSnapshot({ clocks }), FrameKind.Snapshot);
    expect(f.clocks).toHaveLength(LIMITS.maxSnapshotAuthors);
    expect(f.clocks[4095]!.clock).toBe(4096);
    expect(f.header.length).toBe(152 + 68 * LIMITS.maxSnapshotAuthors);
  });

  it('R2: a SNAPSHOT whose clock count disagrees with its clocks is MALFORMED_FRAME', () => {
    const raw = buildSnapshot();
    expect(new DataView(raw.buffer).getUint16(150)).toBe(2);
    for (const k of [0, 1, 3]) {
      expectTrameError(() => decodeFrame(patched(raw, (d) => d.setUint16(150, k))), 'MALFORMED_FRAME');
    }
  });

  describe('ERROR message', () => {
    function errorWith(messageBytes: Uint8Array): Uint8Array {
      const head = encodeError({ code: ERROR_CODES.INTERNAL }).slice(0, 49);
      const len = new Uint8Array(2);
      new DataView(len.buffer).setUint16(0, messageBytes.length);
      return concatBytes(head, len, messageBytes);
    }

    it('R2: a message that is not UTF-8 is MALFORMED_FRAME', () => {
      const bad = [
        [0xff],
        [0xfe, 0xff],
        [0xc0, 0x80], // overlong NUL
        [0xed, 0xa0, 0x80], // UTF-16 surrogate
        [0xe2, 0x82], // truncated €
        [0x61, 0x80, 0x62], // lone continuation byte
        [0xf5, 0x80, 0x80, 0x80], // beyond U+10FFFF
      ];
      for (const bytes of bad) {
        const e = expectTrameError(() => decodeFrame(errorWith(new Uint8Array(bytes))), 'MALFORMED_FRAME');
        expect(e.message).toMatch(/not UTF-8/);
      }
      expect(decodeAs(errorWith(new TextEncoder().encode('ok €')), FrameKind.Error).message).toBe('ok €');
    });

    it('R2: a message over 256 bytes is MALFORMED_FRAME', () => {
      expect(decodeAs(errorWith(filled(256, 0x61)), FrameKind.Error).message).toHaveLength(256);
      const e = expectTrameError(() => decodeFrame(errorWith(filled(257, 0x61))), 'MALFORMED_FRAME');
      expect(e.message).toMatch(/too long/);
    });

    it('R2: a message length field that disagrees with the frame is MALFORMED_FRAME', () => {
      const raw = errorWith(filled(10, 0x61));
      expectTrameError(() => decodeFrame(patched(raw, (d) => d.setUint16(49, 11))), 'MALFORMED_FRAME');
      expectTrameError(() => decodeFrame(patched(raw, (d) => d.setUint16(49, 9))), 'MALFORMED_FRAME');
    });
  });
});

describe('R3: size limits per kind', () => {
  function updateOfSize(total: number): Uint8Array {
    return buildUpdate({}, new Uint8Array(total - 163 - 64));
  }

  it('R3: an UPDATE of exactly maxUpdateBytes decodes; one byte more is FRAME_TOO_LARGE (1003)', () => {
    const atLimit = updateOfSize(LIMITS.maxUpdateBytes);
    expect(atLimit.length).toBe(2 * 1024 * 1024);
    expect(decodeAs(atLimit, FrameKind.Update).ciphertext.length).toBe(LIMITS.maxUpdateBytes - 227);
    const over = updateOfSize(LIMITS.maxUpdateBytes + 1);
    const e = expectTrameError(() => decodeFrame(over), 'FRAME_TOO_LARGE');
    expect(e.number).toBe(1003);
  });

  it('R3: an EPHEMERAL over 64 KiB is FRAME_TOO_LARGE', () => {
    const fixed = 86 + 28 + 64;
    expect(() => decodeFrame(buildEphemeral({}, new Uint8Array(LIMITS.maxEphemeralBytes - fixed)))).not.toThrow();
    expectTrameError(
      () => decodeFrame(buildEphemeral({}, new Uint8Array(LIMITS.maxEphemeralBytes - fixed + 1))),
      'FRAME_TOO_LARGE',
    );
  });

  it('R3: a MEMBERSHIP over 256 KiB is FRAME_TOO_LARGE', () => {
    // 31 keys of 8192 bytes and one that fills the frame to exactly 256 KiB.
    const fill = LIMITS.maxMembershipBytes - 162 - 1 - 64 - 32 * 34 - 31 * LIMITS.maxSealedKeyBytes;
    const keys = (last: number) => [
      ...Array.from({ length: 31 }, () => ({ recipient: rand(32), sealed: new Uint8Array(LIMITS.maxSealedKeyBytes) })),
      { recipient: rand(32), sealed: new Uint8Array(last) },
    ];
    const atLimit = buildMembership({ sealedKeys: keys(fill) });
    expect(atLimit.length).toBe(LIMITS.maxMembershipBytes);
    expect(() => decodeFrame(atLimit)).not.toThrow();
    expectTrameError(() => decodeFrame(buildMembership({ sealedKeys: keys(fill + 1) })), 'FRAME_TOO_LARGE');
  });

  it('R3: a SNAPSHOT of exactly 16 MiB decodes; one byte more is FRAME_TOO_LARGE', () => {
    const header = encodeSnapshotHeader(snapshotHeader());
    const ct = (n: number) => new Uint8Array(n);
    const fixed = header.length + 28 + 64;
    const atLimit = appendSignature(encodeContentBody(header, rand(24), ct(LIMITS.maxSnapshotBytes - fixed)), rand(64));
    expect(atLimit.length).toBe(16 * 1024 * 1024);
    expect(() => decodeFrame(atLimit)).not.toThrow();
    const over = appendSignature(
      encodeContentBody(header, rand(24), ct(LIMITS.maxSnapshotBytes - fixed + 1)),
      rand(64),
    );
    expectTrameError(() => decodeFrame(over), 'FRAME_TOO_LARGE');
  });

  it('R3: control frames over 4 KiB are FRAME_TOO_LARGE, before any other parsing', () => {
    for (const [name, raw] of samples) {
      if (['MEMBERSHIP', 'UPDATE', 'SNAPSHOT', 'EPHEMERAL'].includes(name)) continue;
      const padded = concatBytes(raw, new Uint8Array(4097 - raw.length));
      expectTrameError(() => decodeFrame(padded), 'FRAME_TOO_LARGE');
      // at 4096 bytes the size is fine and the trailing bytes are the problem (R2)
      expectTrameError(() => decodeFrame(padded.subarray(0, 4096)), 'MALFORMED_FRAME');
    }
  });

  it('R3: anything over maxFrameBytes is FRAME_TOO_LARGE, whatever its version', () => {
    const huge = new Uint8Array(LIMITS.maxFrameBytes + 1);
    huge[0] = 9;
    huge[1] = FrameKind.Snapshot;
    expectTrameError(() => decodeFrame(huge), 'FRAME_TOO_LARGE');
  });

  it('R3: a small UPDATE, SNAPSHOT, EPHEMERAL or MEMBERSHIP above 4 KiB is not a control frame', () => {
    expect(() => decodeFrame(buildUpdate({}, rand(5000)))).not.toThrow();
    expect(() => decodeFrame(buildSnapshot({}, rand(5000)))).not.toThrow();
    expect(() => decodeFrame(buildEphemeral({}, rand(5000)))).not.toThrow();
    expect(() =>
      decodeFrame(buildMembership({ sealedKeys: [{ recipient: rand(32), sealed: rand(5000) }] })),
    ).not.toThrow();
  });
});

describe('decodeFrame errors are TrameErrors only', () => {
  it('random garbage never escapes as another error type', () => {
    for (let i = 0; i < 2000; i++) {
      const raw = rand(1 + (i % 300));
      raw[0] = PROTOCOL_VERSION; // get past R1 most of the time
      try {
        decodeFrame(raw);
      } catch (e) {
        expect(e).toBeInstanceOf(TrameError);
        expect(['MALFORMED_FRAME', 'FRAME_TOO_LARGE']).toContain((e as TrameError).code);
      }
    }
  });

  it('random single-byte corruptions of valid frames decode or fail with a TrameError', () => {
    for (const [, raw] of samples) {
      for (let i = 0; i < raw.length; i++) {
        const bad = patched(raw, (_d, b) => (b[i] = b[i]! ^ 0xff));
        try {
          decodeFrame(bad);
        } catch (e) {
          expect(e).toBeInstanceOf(TrameError);
        }
      }
    }
  });
});
