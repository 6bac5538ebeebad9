import { concatBytes, HASH_BYTES, ID_BYTES, TrameError } from '@trame/protocol';
import { fromBase64Url, toBase64Url } from '../util/base64url.js';

/**
 * What an invite link carries after `#` (R35, R39): the space id, the invite identity's seed,
 * and the position and hash of the INVITE entry, which chains to the space's genesis: a
 * newcomer refuses any log that does not hold exactly that entry at that position.
 */
export interface InviteSecret {
  spaceId: Uint8Array;
  seed: Uint8Array;
  /** seq of the INVITE entry. */
  inviteSeq: number;
  /** SHA-256 of the INVITE entry's whole frame. */
  inviteHash: Uint8Array;
}

const TOKEN_BYTES = ID_BYTES + 32 + 4 + HASH_BYTES;

export function encodeInviteToken(secret: InviteSecret): string {
  const seq = new Uint8Array(4);
  new DataView(seq.buffer).setUint32(0, secret.inviteSeq);
  return toBase64Url(concatBytes(secret.spaceId, secret.seed, seq, secret.inviteHash));
}

/** Parses a token; throws MALFORMED_FRAME when it was cut, altered, or made before R39. */
export function decodeInviteToken(token: string): InviteSecret {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(token.trim());
  } catch {
    throw new TrameError('MALFORMED_FRAME', 'invite link is not valid');
  }
  if (bytes.length !== TOKEN_BYTES) throw new TrameError('MALFORMED_FRAME', 'invite link is incomplete');
  let at = 0;
  const take = (n: number): Uint8Array => bytes.slice(at, (at += n));
  const spaceId = take(ID_BYTES);
  const seed = take(32);
  const inviteSeq = new DataView(take(4).buffer).getUint32(0);
  return { spaceId, seed, inviteSeq, inviteHash: take(HASH_BYTES) };
}
