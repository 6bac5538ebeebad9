import { toHex } from '@trame/protocol';

/**
 * A random 128-bit id in lower-case hex, for things that live inside a Y.Doc (cards, columns,
 * agenda items). Random rather than sequential so two offline replicas never collide.
 */
export function newId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return toHex(bytes);
}
