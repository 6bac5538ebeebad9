import * as Y from 'yjs';
import { bytesEqual, concatBytes, HISTORY_DOMAIN, type VersionRecord } from '@trame/protocol';
import { aeadDecrypt, sha256 } from '@trame/crypto';
import { HistoryError } from './HistoryError.js';
import type { VersionKeys } from './VersionKeys.js';

/**
 * R113: the Yjs state (v1 encoding) of a version whose head {@link openVersionHead} verified:
 * the state ciphertext must hash to the signed `stateHash` and open under the epoch's key, and
 * the plaintext must be a Yjs update. VERSION_TAMPERED otherwise.
 */
export function openVersionState(record: VersionRecord, keys: VersionKeys): Uint8Array {
  const ct = record.stateCiphertext;
  if (!ct || !bytesEqual(sha256(ct), record.stateHash))
    throw new HistoryError('VERSION_TAMPERED', 'the version state is not the one its author signed');
  let plain: Uint8Array;
  try {
    plain = aeadDecrypt(
      keys.docKey(record.epoch, record.docId),
      record.stateNonce,
      ct,
      concatBytes(HISTORY_DOMAIN.versionState, record.header),
    );
  } catch (e) {
    throw new HistoryError('VERSION_TAMPERED', 'the version state does not open', { cause: e });
  }
  try {
    const v1 = Y.convertUpdateFormatV2ToV1(plain);
    // Parses the whole update: a writer's garbage is refused here, not in the preview.
    Y.applyUpdate(new Y.Doc(), v1);
    return v1;
  } catch (e) {
    throw new HistoryError('VERSION_TAMPERED', 'the version state is not a Yjs document', { cause: e });
  }
}
