import { describe, expect, it } from 'vitest';
import * as protocol from './index.js';

describe('public entry point', () => {
  it('exports the codec, constants, errors and membership fold', () => {
    const names = [
      'PROTOCOL_VERSION',
      'FrameKind',
      'Role',
      'MembershipAction',
      'LIMITS',
      'DOMAIN',
      'ERROR_CODES',
      'errorCodeFromNumber',
      'isRetryable',
      'TrameError',
      'isTrameError',
      'CloseCode',
      'shouldRetryClose',
      'closeCodeForError',
      'ByteReader',
      'ByteWriter',
      'ZERO_ID',
      'ZERO_HASH',
      'encodeHello',
      'encodeChallenge',
      'encodeAuth',
      'encodeReady',
      'encodeAck',
      'encodeError',
      'encodeUpdateHeader',
      'encodeSnapshotHeader',
      'encodeEphemeralHeader',
      'encodeContentBody',
      'encodeMembershipBody',
      'appendSignature',
      'signingInput',
      'authSigningInput',
      'relayHostOf',
      'snapshotProofInput',
      'decodeFrame',
      'toHex',
      'fromHex',
      'bytesEqual',
      'concatBytes',
      'isZero',
      'emptyMembershipState',
      'applyMembershipEntry',
    ];
    for (const name of names) expect(protocol, name).toHaveProperty(name);
    expect((protocol as Record<string, unknown>).ByteReader).toBeTypeOf('function');
  });
});
