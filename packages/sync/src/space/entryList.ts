import { ByteReader, ByteWriter } from '@trame/protocol';

/** `u32 count ‖ count × (u32 length ‖ raw entry)`: a membership log as cached on the device. */
export function encodeEntryList(entries: readonly Uint8Array[]): Uint8Array {
  const w = new ByteWriter(4 + entries.reduce((n, e) => n + 4 + e.length, 0)).u32(entries.length);
  for (const e of entries) w.u32(e.length).bytes(e);
  return w.finish();
}

export function decodeEntryList(bytes: Uint8Array): Uint8Array[] {
  const r = new ByteReader(bytes);
  const n = r.u32('count');
  const out: Uint8Array[] = [];
  for (let i = 0; i < n; i++) out.push(r.take(r.u32('length'), 'entry').slice());
  r.end();
  return out;
}
