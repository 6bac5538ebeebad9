import { bytesEqual, concatBytes, decodeNameRecord, HISTORY_DOMAIN, toHex } from '@trame/protocol';
import { aeadDecrypt, verify } from '@trame/crypto';
import { HistoryError } from './HistoryError.js';
import { MAX_VERSION_NAME_LENGTH } from './sealVersionName.js';
import type { VersionKeys } from './VersionKeys.js';

/**
 * R113 for names: a name record belongs to the version it is served with, is signed by a writer
 * of its epoch and opens under that epoch's key. Returns the name and who gave it; throws
 * VERSION_TAMPERED or VERSION_NO_KEY.
 */
export function openVersionName(
  bytes: Uint8Array,
  expected: { spaceId: Uint8Array; docId: Uint8Array; versionId: Uint8Array },
  keys: VersionKeys,
): { name: string; by: string } {
  let r;
  try {
    r = decodeNameRecord(bytes);
  } catch (e) {
    throw new HistoryError('VERSION_TAMPERED', 'the name record is malformed', { cause: e });
  }
  if (
    !bytesEqual(r.spaceId, expected.spaceId) ||
    !bytesEqual(r.docId, expected.docId) ||
    !bytesEqual(r.versionId, expected.versionId)
  )
    throw new HistoryError('VERSION_TAMPERED', 'the name belongs to another version');
  if (!verify(r.author, concatBytes(HISTORY_DOMAIN.versionName, r.signed), r.signature))
    throw new HistoryError('VERSION_TAMPERED', 'the name signature does not verify');
  const by = toHex(r.author);
  if (!keys.hasKey(r.epoch)) throw new HistoryError('VERSION_NO_KEY', `no space key for epoch ${r.epoch}`);
  if (!keys.isTrustedWriter(by, r.epoch)) throw new HistoryError('VERSION_TAMPERED', `${by} could not name versions`);
  let plain: Uint8Array;
  try {
    plain = aeadDecrypt(
      keys.docKey(r.epoch, r.docId),
      r.nonce,
      r.ciphertext,
      concatBytes(HISTORY_DOMAIN.versionName, r.header),
    );
  } catch (e) {
    throw new HistoryError('VERSION_TAMPERED', 'the name does not open', { cause: e });
  }
  const name = new TextDecoder('utf-8', { fatal: false }).decode(plain);
  if (name.length === 0 || name.length > MAX_VERSION_NAME_LENGTH)
    throw new HistoryError('VERSION_TAMPERED', 'the name is empty or too long');
  return { name, by };
}
