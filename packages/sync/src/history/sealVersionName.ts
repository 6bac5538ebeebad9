import { concatBytes, encodeNameRecord, encodeVersionHeader, HISTORY_DOMAIN, HISTORY_LAYOUT } from '@trame/protocol';
import { aeadEncrypt, randomBytes, sign, type Identity } from '@trame/crypto';

/** Longest version name, in characters. */
export const MAX_VERSION_NAME_LENGTH = 200;

/** Seals a version's name (PROTOCOL.md §10.3): encrypted under the document key of `epoch`, signed by the namer. */
export function sealVersionName(o: {
  identity: Identity;
  spaceId: Uint8Array;
  docId: Uint8Array;
  versionId: Uint8Array;
  epoch: number;
  docKey: Uint8Array;
  name: string;
}): Uint8Array {
  const ids = {
    spaceId: o.spaceId,
    docId: o.docId,
    versionId: o.versionId,
    epoch: o.epoch,
    author: o.identity.publicKey,
  };
  const header = encodeVersionHeader({ ...ids, kind: HISTORY_LAYOUT.kindName });
  const nonce = randomBytes(24);
  const ciphertext = aeadEncrypt(
    o.docKey,
    nonce,
    new TextEncoder().encode(o.name),
    concatBytes(HISTORY_DOMAIN.versionName, header),
  );
  const enc = encodeNameRecord({ ...ids, nonce, ciphertext });
  return enc.finish(sign(o.identity.secretKey, concatBytes(HISTORY_DOMAIN.versionName, enc.signed)));
}
