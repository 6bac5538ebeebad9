import { isTrameError, TrameError, type UpdateFrame } from '@trame/protocol';
import { aeadDecrypt, verifyContentFrame } from '@trame/crypto';

/**
 * A remote UPDATE after R57: `counts` says whether its author really sent it (so its clock and
 * chain link may be counted); `plain` is its plaintext when every check of R40 passed.
 */
export type AuthenticatedUpdate =
  | { counts: true; plain: Uint8Array; error: null }
  | { counts: true; plain: null; error: TrameError }
  | { counts: false; plain: null; error: TrameError };

/** What R40 needs besides the frame: the author's role and the document key, both lazily. */
export interface UpdateAuthority {
  /** UNTRUSTED_AUTHOR when the author may not write (R40, MEMBERSHIP-5), else null. */
  writerError(): TrameError | null;
  /** The document key of the frame's epoch; throws NO_KEY. */
  key(): Uint8Array;
}

/**
 * R57 (MEMBERSHIP-9): a clock is counted only once its frame is shown to come from its author.
 * A signed UPDATE is authentic when its signature verifies under `author` (whatever follows:
 * a writer that signed an unreadable update still used that clock); an unsigned one (R51) when
 * the AEAD opens (a member holding the key wrote it, and R50's chain ties it to the author).
 * Otherwise, e.g. a frame a hostile relay forged with an author's next clock, it must not count:
 * the genuine frame with that clock, arriving after it, is then applied, not dropped as a replay.
 */
export function authenticateUpdate(f: UpdateFrame, authority: UpdateAuthority): AuthenticatedUpdate {
  const refuse = (error: unknown): AuthenticatedUpdate => ({ counts: false, plain: null, error: asTrameError(error) });
  const fail = (error: unknown): AuthenticatedUpdate => ({ counts: true, plain: null, error: asTrameError(error) });
  if (f.signed) {
    try {
      verifyContentFrame(f);
    } catch (e) {
      return refuse(e);
    }
    const role = authority.writerError();
    if (role) return fail(role);
    try {
      return { counts: true, plain: aeadDecrypt(authority.key(), f.nonce, f.ciphertext, f.header), error: null };
    } catch (e) {
      return fail(e);
    }
  }
  if (f.signature.length !== 0) return refuse(new TrameError('MALFORMED_FRAME', 'unsigned update with a signature'));
  let plain: Uint8Array;
  try {
    plain = aeadDecrypt(authority.key(), f.nonce, f.ciphertext, f.header);
  } catch (e) {
    return refuse(e);
  }
  const role = authority.writerError();
  return role ? fail(role) : { counts: true, plain, error: null };
}

function asTrameError(e: unknown): TrameError {
  return isTrameError(e) ? e : new TrameError('DECRYPT_FAILED', String(e));
}
