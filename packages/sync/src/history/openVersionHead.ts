import {
  bytesEqual,
  concatBytes,
  decodeVersionRecord,
  HISTORY_DOMAIN,
  toHex,
  type VersionRecord,
} from '@trame/protocol';
import { aeadDecrypt, verify } from '@trame/crypto';
import { HistoryError } from './HistoryError.js';
import { readVersionMeta } from './readVersionMeta.js';
import type { VersionKeys } from './VersionKeys.js';
import type { VersionMeta } from './VersionMeta.js';

/**
 * R113: verifies a version's head as served (listing or load) before anything of it is shown:
 * it is the version asked for (space, document and version ids), its signature verifies under
 * its author, who was a writer of its epoch (R74), and its metadata opens under that epoch's
 * document key. Throws VERSION_TAMPERED (a relay that altered, moved or forged it, or a member's
 * malformed record) or VERSION_NO_KEY (an epoch this member holds no key for: made after she was
 * removed, R70).
 */
export function openVersionHead(
  bytes: Uint8Array,
  expected: { spaceId: Uint8Array; docId: Uint8Array; versionId?: Uint8Array },
  keys: VersionKeys,
  o: { headOnly: boolean },
): { record: VersionRecord; meta: VersionMeta } {
  let record: VersionRecord;
  try {
    record = decodeVersionRecord(bytes, { headOnly: o.headOnly });
  } catch (e) {
    throw new HistoryError('VERSION_TAMPERED', 'the version record is malformed', { cause: e });
  }
  if (
    !bytesEqual(record.spaceId, expected.spaceId) ||
    !bytesEqual(record.docId, expected.docId) ||
    (expected.versionId && !bytesEqual(record.versionId, expected.versionId))
  )
    throw new HistoryError('VERSION_TAMPERED', 'the relay served a version of another item');
  if (!verify(record.author, concatBytes(HISTORY_DOMAIN.version, record.signed), record.signature))
    throw new HistoryError('VERSION_TAMPERED', 'the version signature does not verify');
  if (!keys.hasKey(record.epoch)) throw new HistoryError('VERSION_NO_KEY', `no space key for epoch ${record.epoch}`);
  const author = toHex(record.author);
  if (!keys.isTrustedWriter(author, record.epoch))
    throw new HistoryError('VERSION_TAMPERED', `${author} was not a writer at epoch ${record.epoch}`);
  let plain: Uint8Array;
  try {
    plain = aeadDecrypt(
      keys.docKey(record.epoch, record.docId),
      record.metaNonce,
      record.metaCiphertext,
      concatBytes(HISTORY_DOMAIN.versionMeta, record.header),
    );
  } catch (e) {
    throw new HistoryError('VERSION_TAMPERED', 'the version metadata does not open', { cause: e });
  }
  const meta = readVersionMeta(plain);
  if (!meta) throw new HistoryError('VERSION_TAMPERED', 'the version metadata is not valid');
  return { record, meta };
}
