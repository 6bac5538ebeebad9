/** Backups are padded to a multiple of this many bytes (PROTOCOL.md §9). */
export const BACKUP_PAD = 4096;

/** Largest backup body the relay accepts (R91). */
export const BACKUP_MAX_BYTES = 64 * 1024;

const enc = new TextEncoder();

/** Associated data of a backup's ciphertext: the domain and the backup id. */
export function backupAd(id: Uint8Array): Uint8Array {
  const d = enc.encode('trame/v1/backup\0');
  const out = new Uint8Array(d.length + 32);
  out.set(d);
  out.set(id, d.length);
  return out;
}

/** What a backup's signature covers (R91): `"trame/v1/backup\0" ‖ id ‖ version u64 ‖ blob`. */
export function backupSigned(id: Uint8Array, version: number, blob: Uint8Array): Uint8Array {
  const d = enc.encode('trame/v1/backup\0');
  const out = new Uint8Array(d.length + 32 + 8 + blob.length);
  out.set(d);
  out.set(id, d.length);
  new DataView(out.buffer).setBigUint64(d.length + 32, BigInt(version));
  out.set(blob, d.length + 40);
  return out;
}
