import type { KeyObject } from 'node:crypto';
import { publicKeyFromRaw } from './publicKeyFromRaw.js';

/**
 * The KeyObjects of the identities seen last: a client that reconnects (a reconnect storm is
 * every client at once) signs AUTH with the same identity again. Least recently used first out.
 */
export class KeyObjectCache {
  private readonly keys = new Map<string, KeyObject>();

  constructor(private readonly capacity: number) {}

  /** The KeyObject of a raw 32-byte Ed25519 public key. Throws if malformed. */
  get(raw: Uint8Array): KeyObject {
    const id = Buffer.from(raw.buffer, raw.byteOffset, raw.length).toString('latin1');
    let key = this.keys.get(id);
    if (key) {
      // Map iteration follows insertion order: re-inserting marks the key as the most recent.
      this.keys.delete(id);
    } else {
      key = publicKeyFromRaw(raw);
      if (this.keys.size >= this.capacity) this.keys.delete(this.keys.keys().next().value!);
    }
    this.keys.set(id, key);
    return key;
  }
}
