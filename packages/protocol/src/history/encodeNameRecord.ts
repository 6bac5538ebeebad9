import { ByteWriter } from '../codec/ByteWriter.js';
import { encodeVersionHeader } from './encodeVersionHeader.js';
import { HISTORY_LAYOUT } from './HISTORY_LAYOUT.js';

/** Encodes a name record: `signed` (what the namer signs), then `finish(signature)`. */
export function encodeNameRecord(f: {
  spaceId: Uint8Array;
  docId: Uint8Array;
  versionId: Uint8Array;
  epoch: number;
  author: Uint8Array;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}): { signed: Uint8Array; finish(signature: Uint8Array): Uint8Array } {
  const signed = new ByteWriter(128 + f.ciphertext.length)
    .bytes(encodeVersionHeader({ ...f, kind: HISTORY_LAYOUT.kindName }))
    .fixed(f.nonce, 24)
    .u16(f.ciphertext.length)
    .bytes(f.ciphertext)
    .finish();
  return {
    signed,
    finish: (signature) => new ByteWriter(signed.length + 64).bytes(signed).fixed(signature, 64).finish(),
  };
}
