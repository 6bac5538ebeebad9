/** Fixed field sizes in bytes (docs/PROTOCOL.md §1). */
export const ID_BYTES = 16;
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;
export const NONCE_BYTES = 24;
export const HASH_BYTES = 32;
export const CHALLENGE_BYTES = 32;
/** Poly1305 tag: the smallest possible ciphertext. */
export const AEAD_TAG_BYTES = 16;
/** Short membership head hash in content frames (MEMBERSHIP-8). */
export const VIEW_HEAD_BYTES = 8;
/** MEMBERSHIP-3: an invite's wrap secret (R75). */
export const INVITE_WRAP_BYTES = 32;
