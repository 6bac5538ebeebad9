import { ByteReader } from '../codec/ByteReader.js';
import { TrameError } from '../errors/TrameError.js';
import { HISTORY_LAYOUT } from './HISTORY_LAYOUT.js';
import { readRecordHead } from './readRecordHead.js';
import type { VersionRecord } from './VersionRecord.js';

/**
 * Parses a version record strictly (R107, layout in PROTOCOL.md §10.2): the whole record, or with
 * `headOnly` the head a listing carries (no state ciphertext). Throws MALFORMED_FRAME.
 */
export function decodeVersionRecord(bytes: Uint8Array, o: { headOnly?: boolean } = {}): VersionRecord {
  const r = new ByteReader(bytes);
  const { spaceId, docId, versionId, epoch, author } = readRecordHead(
    r,
    HISTORY_LAYOUT.kindVersion,
    'not a version record',
  );
  const metaNonce = r.take(24, 'metaNonce');
  const metaLength = r.u16('metaLength');
  if (metaLength < 16 || metaLength > HISTORY_LAYOUT.maxMetaCiphertextBytes)
    throw new TrameError('MALFORMED_FRAME', 'version metadata length out of bounds');
  const metaCiphertext = r.take(metaLength, 'metaCiphertext');
  const stateNonce = r.take(24, 'stateNonce');
  const stateLength = r.u32('stateLength');
  if (stateLength < 16) throw new TrameError('MALFORMED_FRAME', 'version state too short');
  const stateHash = r.take(32, 'stateHash');
  const signedEnd = r.offset;
  const signature = r.take(64, 'signature');
  const headEnd = r.offset;
  let stateCiphertext: Uint8Array | null = null;
  if (!o.headOnly) stateCiphertext = r.take(stateLength, 'stateCiphertext');
  r.end();
  return {
    raw: bytes,
    header: bytes.subarray(0, HISTORY_LAYOUT.headerBytes),
    spaceId,
    docId,
    versionId,
    epoch,
    author,
    metaNonce,
    metaCiphertext,
    stateNonce,
    stateLength,
    stateHash,
    signed: bytes.subarray(0, signedEnd),
    signature,
    head: bytes.subarray(0, headEnd),
    stateCiphertext,
  };
}
