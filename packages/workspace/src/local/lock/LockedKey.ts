/**
 * The device key sealed under a passphrase (DEVICES-4): what `trame-device` holds instead of
 * the WebCrypto-wrapped key once the person set a passphrase. Nothing in it opens without the
 * passphrase: `sealed` is XChaCha20-Poly1305 under Argon2id(passphrase, salt, opslimit, memlimit).
 */
export interface LockedKey {
  version: 1;
  salt: Uint8Array;
  opslimit: number;
  memlimit: number;
  nonce: Uint8Array;
  sealed: Uint8Array;
  /** Minutes of inactivity before the app locks itself; 0: only at start. */
  idleMinutes: number;
  /** The key the cache was under before, while it is being re-encrypted (see lockDevice). */
  previous?: LockedKey;
}

/** Associated data of the sealed device key: a sealed key opens only as what it is. */
export const LOCK_AD = new TextEncoder().encode('trame/v1/device-lock');

/** Whether a value read from IndexedDB is a {@link LockedKey}. */
export function isLockedKey(v: unknown): v is LockedKey {
  const k = v as Partial<LockedKey> | null;
  return (
    !!k &&
    k.version === 1 &&
    k.salt instanceof Uint8Array &&
    k.nonce instanceof Uint8Array &&
    k.sealed instanceof Uint8Array &&
    typeof k.opslimit === 'number' &&
    typeof k.memlimit === 'number' &&
    typeof k.idleMinutes === 'number'
  );
}
