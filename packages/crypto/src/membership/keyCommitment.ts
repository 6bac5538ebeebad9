import { ByteWriter, DOMAIN, ID_BYTES } from '@trame/protocol';
import { sodium } from '../sodium/sodium.js';

/**
 * R72: the commitment a GENESIS or ROTATE carries to the key of the epoch it opens:
 * BLAKE2b-256 keyed with that key over `"trame/v3/key-commit\0" ‖ spaceId ‖ u32 epoch`.
 * It reveals nothing of the key and binds it: a bundle holding another key for that epoch fails.
 */
export function keyCommitment(key: Uint8Array, spaceId: Uint8Array, epoch: number): Uint8Array {
  if (key.length !== 32 || spaceId.length !== ID_BYTES) throw new RangeError('bad key or space id size');
  const msg = new ByteWriter(DOMAIN.keyCommit.length + ID_BYTES + 4)
    .bytes(DOMAIN.keyCommit)
    .fixed(spaceId, ID_BYTES)
    .u32(epoch)
    .finish();
  return sodium.crypto_generichash(32, msg, key);
}
