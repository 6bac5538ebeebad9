/** How often an author signs its UPDATEs (R51). */
export interface SignaturePolicy {
  /** At most this many UPDATEs per signature. */
  everyFrames: number;
  /** At most this long between signatures while writing, and before an idle checkpoint. */
  everyMs: number;
}

/** R51: one signature per 32 UPDATEs or per second, whichever comes first, and idle checkpoints. */
export const SPARSE_SIGNATURE_POLICY: SignaturePolicy = { everyFrames: 32, everyMs: 1000 };

/** Every UPDATE signed, no checkpoint (what clients did before INTEGRITY-4; tests use it). */
export const EVERY_FRAME_SIGNATURE_POLICY: SignaturePolicy = { everyFrames: 1, everyMs: 0 };

/** What clients use: the sparse policy (R51, INTEGRITY-4). */
export const DEFAULT_SIGNATURE_POLICY: SignaturePolicy = SPARSE_SIGNATURE_POLICY;

/**
 * R51: whether the next UPDATE carries a signature, given how many were sent unsigned since the
 * last signed one and when that was. The first UPDATE after a pause is always signed.
 */
export function mustSign(unsignedSince: number, lastSignedAt: number, now: number, p: SignaturePolicy): boolean {
  return unsignedSince + 1 >= p.everyFrames || now - lastSignedAt >= p.everyMs;
}
