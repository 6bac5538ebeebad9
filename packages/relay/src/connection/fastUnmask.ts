/**
 * XORs a websocket payload with its 4-byte mask in place (RFC 6455 §5.3), four bytes at a time.
 * The `ws` package does it one byte at a time in JavaScript unless the native `bufferutil` is
 * installed (it is not: ADR 0011); on this relay's hardware that loop was ~20 % of the event
 * loop under HOSTILE-3b and most of it under HOSTILE-4, whose frames are then dropped. Same
 * result as the byte loop for any length and alignment.
 */
export function fastUnmask(buffer: Uint8Array, mask: Uint8Array): void {
  const n = buffer.length;
  // Bytes before the first 4-byte boundary of the underlying memory, one at a time.
  const head = Math.min(n, (4 - (buffer.byteOffset & 3)) & 3);
  for (let i = 0; i < head; i++) buffer[i]! ^= mask[i & 3]!;
  const words = (n - head) >>> 2;
  if (words > 0) {
    // The mask as it stands at byte `head`, read as one word in the platform's byte order.
    const rotated = new Uint8Array(4);
    for (let k = 0; k < 4; k++) rotated[k] = mask[(head + k) & 3]!;
    const word = new Uint32Array(rotated.buffer)[0]!;
    const view = new Uint32Array(buffer.buffer, buffer.byteOffset + head, words);
    for (let i = 0; i < words; i++) view[i]! ^= word;
  }
  for (let i = head + words * 4; i < n; i++) buffer[i]! ^= mask[i & 3]!;
}
