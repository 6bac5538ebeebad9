import * as Y from 'yjs';
import { concatBytes, encodeVersionHeader, encodeVersionRecord, HISTORY_DOMAIN } from '@trame/protocol';
import { aeadEncrypt, randomBytes, sha256, sign, type Identity } from '@trame/crypto';
import type { VersionMeta } from './VersionMeta.js';

/**
 * Seals a version (PROTOCOL.md §10.2): metadata and Yjs state (converted to the compact v2
 * encoding) encrypted under the document key of `epoch` with the header as associated data,
 * the head signed by the author; the state is covered by its SHA-256 in the head.
 */
export function sealVersion(o: {
  identity: Identity;
  spaceId: Uint8Array;
  docId: Uint8Array;
  versionId: Uint8Array;
  epoch: number;
  docKey: Uint8Array;
  meta: Omit<VersionMeta, 'v' | 'enc'>;
  /** `Y.encodeStateAsUpdate(doc)` (v1). */
  state: Uint8Array;
}): Uint8Array {
  const ids = {
    spaceId: o.spaceId,
    docId: o.docId,
    versionId: o.versionId,
    epoch: o.epoch,
    author: o.identity.publicKey,
  };
  const header = encodeVersionHeader(ids);
  const meta: VersionMeta = { v: 1, enc: 2, ...o.meta };
  const metaNonce = randomBytes(24);
  const metaCiphertext = aeadEncrypt(
    o.docKey,
    metaNonce,
    new TextEncoder().encode(JSON.stringify(meta)),
    concatBytes(HISTORY_DOMAIN.versionMeta, header),
  );
  const stateNonce = randomBytes(24);
  const stateCiphertext = aeadEncrypt(
    o.docKey,
    stateNonce,
    Y.convertUpdateFormatV1ToV2(o.state),
    concatBytes(HISTORY_DOMAIN.versionState, header),
  );
  const enc = encodeVersionRecord({
    ...ids,
    metaNonce,
    metaCiphertext,
    stateNonce,
    stateCiphertext,
    stateHash: sha256(stateCiphertext),
  });
  return enc.finish(sign(o.identity.secretKey, concatBytes(HISTORY_DOMAIN.version, enc.signed)));
}
