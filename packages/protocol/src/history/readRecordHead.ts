import type { ByteReader } from '../codec/ByteReader.js';
import { TrameError } from '../errors/TrameError.js';
import { HISTORY_LAYOUT } from './HISTORY_LAYOUT.js';

/** The fields every history record opens with (PROTOCOL.md §10.2-10.3). */
export interface RecordHead {
  spaceId: Uint8Array;
  docId: Uint8Array;
  versionId: Uint8Array;
  epoch: number;
  author: Uint8Array;
}

/**
 * Reads the head shared by version and name records (format, kind, ids, epoch, author) and
 * checks the kind byte; throws MALFORMED_FRAME with `what` ("not a version record").
 */
export function readRecordHead(r: ByteReader, kind: number, what: string): RecordHead {
  const format = r.u8('format');
  const actual = r.u8('kind');
  if (format !== HISTORY_LAYOUT.format || actual !== kind) throw new TrameError('MALFORMED_FRAME', what);
  return {
    spaceId: r.take(16, 'spaceId'),
    docId: r.take(16, 'docId'),
    versionId: r.take(16, 'versionId'),
    epoch: r.u32('epoch'),
    author: r.take(32, 'author'),
  };
}
