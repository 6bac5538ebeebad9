import { ByteWriter } from '../codec/ByteWriter.js';
import { HISTORY_LAYOUT } from './HISTORY_LAYOUT.js';

/** The 86-byte header of a version record: the associated data of its two ciphertexts. */
export function encodeVersionHeader(f: {
  spaceId: Uint8Array;
  docId: Uint8Array;
  versionId: Uint8Array;
  epoch: number;
  author: Uint8Array;
  kind?: number;
}): Uint8Array {
  return new ByteWriter(HISTORY_LAYOUT.headerBytes)
    .u8(HISTORY_LAYOUT.format)
    .u8(f.kind ?? HISTORY_LAYOUT.kindVersion)
    .fixed(f.spaceId, 16)
    .fixed(f.docId, 16)
    .fixed(f.versionId, 16)
    .u32(f.epoch)
    .fixed(f.author, 32)
    .finish();
}
