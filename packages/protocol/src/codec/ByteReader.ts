import { TrameError } from '../errors/TrameError.js';

/**
 * Strict big-endian reader: every read is bounds-checked and a short or over-long frame is a
 * MALFORMED_FRAME error (R2), never a partial result.
 */
export class ByteReader {
  private pos = 0;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  private need(n: number, what: string): void {
    if (this.pos + n > this.bytes.length) {
      throw new TrameError('MALFORMED_FRAME', `frame too short reading ${what}`);
    }
  }

  u8(what = 'u8'): number {
    this.need(1, what);
    const v = this.view.getUint8(this.pos);
    this.pos += 1;
    return v;
  }

  u16(what = 'u16'): number {
    this.need(2, what);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }

  u32(what = 'u32'): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }

  /** A view (no copy) of the next `n` bytes. */
  take(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const v = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  /** R2: a frame has no trailing bytes. */
  end(): void {
    if (this.pos !== this.bytes.length) {
      throw new TrameError('MALFORMED_FRAME', `${this.bytes.length - this.pos} trailing bytes`);
    }
  }
}
