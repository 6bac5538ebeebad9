import { ByteWriter } from '../codec/ByteWriter.js';
import { encodeVersionHeader } from './encodeVersionHeader.js';

/** The fields of a version record before its signature (PROTOCOL.md §10.2). */
export interface VersionRecordFields {
  spaceId: Uint8Array;
  docId: Uint8Array;
  versionId: Uint8Array;
  epoch: number;
  author: Uint8Array;
  metaNonce: Uint8Array;
  metaCiphertext: Uint8Array;
  stateNonce: Uint8Array;
  stateCiphertext: Uint8Array;
  stateHash: Uint8Array;
}

/**
 * Encodes a version record in two parts: `signed` (every byte the author signs) and, once the
 * signature is known, the whole record `signed ‖ signature ‖ stateCiphertext`.
 */
export function encodeVersionRecord(f: VersionRecordFields): {
  signed: Uint8Array;
  finish(signature: Uint8Array): Uint8Array;
} {
  const signed = new ByteWriter(256 + f.metaCiphertext.length)
    .bytes(encodeVersionHeader(f))
    .fixed(f.metaNonce, 24)
    .u16(f.metaCiphertext.length)
    .bytes(f.metaCiphertext)
    .fixed(f.stateNonce, 24)
    .u32(f.stateCiphertext.length)
    .fixed(f.stateHash, 32)
    .finish();
  return {
    signed,
    finish(signature: Uint8Array): Uint8Array {
      const out = new Uint8Array(signed.length + 64 + f.stateCiphertext.length);
      out.set(signed, 0);
      out.set(signature, signed.length);
      out.set(f.stateCiphertext, signed.length + 64);
      return out;
    },
  };
}
