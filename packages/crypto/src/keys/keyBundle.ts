import { ByteReader, ByteWriter, TrameError } from '@trame/protocol';

/** Space keys by epoch, as sealed to a member (PROTOCOL.md §3.4). */
export type KeyBundle = Map<number, Uint8Array>;

/** `u16 count ‖ count × (u32 epoch ‖ key[32])`. */
export function encodeKeyBundle(bundle: KeyBundle): Uint8Array {
  const w = new ByteWriter(2 + bundle.size * 36).u16(bundle.size);
  for (const [epoch, key] of [...bundle].sort((a, b) => a[0] - b[0])) w.u32(epoch).fixed(key, 32);
  return w.finish();
}

export function decodeKeyBundle(bytes: Uint8Array): KeyBundle {
  const r = new ByteReader(bytes);
  const n = r.u16('count');
  const out: KeyBundle = new Map();
  for (let i = 0; i < n; i++) {
    const epoch = r.u32('epoch');
    out.set(epoch, r.take(32, 'key').slice());
  }
  r.end();
  if (out.size !== n) throw new TrameError('MALFORMED_FRAME', 'duplicate epoch in key bundle');
  return out;
}
