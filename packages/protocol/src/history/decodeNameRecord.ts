import { ByteReader } from '../codec/ByteReader.js';
import { TrameError } from '../errors/TrameError.js';
import { HISTORY_LAYOUT } from './HISTORY_LAYOUT.js';
import { readRecordHead } from './readRecordHead.js';
import type { NameRecord } from './NameRecord.js';

/** Parses a name record strictly (R109, PROTOCOL.md §10.3). Throws MALFORMED_FRAME. */
export function decodeNameRecord(bytes: Uint8Array): NameRecord {
  const r = new ByteReader(bytes);
  const { spaceId, docId, versionId, epoch, author } = readRecordHead(r, HISTORY_LAYOUT.kindName, 'not a name record');
  const nonce = r.take(24, 'nonce');
  const length = r.u16('length');
  if (length < 16 || length > HISTORY_LAYOUT.maxNameCiphertextBytes)
    throw new TrameError('MALFORMED_FRAME', 'name length out of bounds');
  const ciphertext = r.take(length, 'ciphertext');
  const signedEnd = r.offset;
  const signature = r.take(64, 'signature');
  r.end();
  return {
    raw: bytes,
    header: bytes.subarray(0, HISTORY_LAYOUT.headerBytes),
    spaceId,
    docId,
    versionId,
    epoch,
    author,
    nonce,
    ciphertext,
    signed: bytes.subarray(0, signedEnd),
    signature,
  };
}
