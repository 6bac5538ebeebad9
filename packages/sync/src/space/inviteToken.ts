import { concatBytes, ID_BYTES, TrameError } from '@trame/protocol';
import { fromBase64Url, toBase64Url } from '../util/base64url.js';

/** What an invite link carries after `#`: the space id and the invite identity's seed (R35). */
export interface InviteSecret {
  spaceId: Uint8Array;
  seed: Uint8Array;
}

export function encodeInviteToken(secret: InviteSecret): string {
  return toBase64Url(concatBytes(secret.spaceId, secret.seed));
}

/** Parses a token; throws MALFORMED_FRAME when it was cut or altered. */
export function decodeInviteToken(token: string): InviteSecret {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(token.trim());
  } catch {
    throw new TrameError('MALFORMED_FRAME', 'invite link is not valid');
  }
  if (bytes.length !== ID_BYTES + 32) throw new TrameError('MALFORMED_FRAME', 'invite link is incomplete');
  return { spaceId: bytes.slice(0, ID_BYTES), seed: bytes.slice(ID_BYTES) };
}
