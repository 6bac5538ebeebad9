import { openPairingMessage, sealPairingMessage, type PairingSessionKeys } from '@trame/crypto';
import { decodePairingMessage, encodePairingMessage } from '@trame/protocol';
import { PairingError } from './PairingError.js';
import type { PairingSocket } from './PairingSocket.js';

/** Sealed messages are padded to a multiple of this many bytes. */
const PAD = 1024;

/**
 * The pairing channel once keys are agreed (R104): JSON values, sealed under the direction's
 * key with a sequence number per direction. Whatever does not open is PAIRING_DECRYPT_FAILED
 * (keys differ: someone in the middle, or a message dropped or repeated) and ends the link.
 */
export class SecureChannel {
  private sent = 0;
  private received = 0;

  constructor(
    private readonly socket: PairingSocket,
    private readonly keys: PairingSessionKeys,
    /** R104: the short code both screens show; the person confirms they are the same. */
    readonly comparison: string,
  ) {}

  /** Sends a JSON value, padded (PROTOCOL.md §11.2) so its size says little about the profile. */
  send(value: unknown): void {
    const json = new TextEncoder().encode(JSON.stringify(value));
    const padded = new Uint8Array(Math.ceil((json.length + 4) / PAD) * PAD);
    new DataView(padded.buffer).setUint32(0, json.length);
    padded.set(json, 4);
    const sealed = sealPairingMessage(this.keys.send, this.sent++, padded);
    this.socket.send(encodePairingMessage({ type: 0x04, ...sealed }));
  }

  async receive(): Promise<unknown> {
    const bytes = await this.socket.next();
    try {
      const m = decodePairingMessage(bytes);
      if (m.type !== 0x04) throw new Error(`message 0x${m.type.toString(16)} after the exchange`);
      const plain = openPairingMessage(this.keys.receive, this.received++, m.nonce, m.ciphertext);
      const n = new DataView(plain.buffer, plain.byteOffset, plain.byteLength).getUint32(0);
      if (n + 4 > plain.length) throw new Error('length beyond the message');
      return JSON.parse(new TextDecoder().decode(plain.subarray(4, 4 + n))) as unknown;
    } catch (cause) {
      const e = new PairingError('PAIRING_DECRYPT_FAILED', 'a message from the other device does not open', { cause });
      this.socket.close(e);
      throw e;
    }
  }

  /** Rejects when the channel ends (the other device left, the relay closed it, it expired). */
  get failed(): Promise<never> {
    return this.socket.failed;
  }

  /** Leaves the channel; `error` says why (PAIRING_CANCELLED by default). */
  close(error?: PairingError): void {
    this.socket.close(error);
  }
}
