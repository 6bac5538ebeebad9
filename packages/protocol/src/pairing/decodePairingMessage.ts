import { ByteReader } from '../codec/ByteReader.js';
import { TrameError } from '../errors/TrameError.js';
import { LinkSide, type PairingMessage } from './PairingMessage.js';

function side(r: ByteReader): LinkSide {
  const s = r.u8('side');
  if (s !== LinkSide.HasAccount && s !== LinkSide.NewDevice) throw new TrameError('MALFORMED_FRAME', `side ${s}`);
  return s;
}

/** Parses one end-to-end pairing message strictly; `MALFORMED_FRAME` otherwise. */
export function decodePairingMessage(bytes: Uint8Array): PairingMessage {
  const r = new ByteReader(bytes);
  const type = r.u8('type');
  let m: PairingMessage;
  switch (type) {
    case 0x01:
      m = { type: 0x01, side: side(r), commitment: r.take(32, 'commitment').slice() };
      break;
    case 0x02:
      m = { type: 0x02, side: side(r), key: r.take(32, 'key').slice() };
      break;
    case 0x03:
      m = { type: 0x03, key: r.take(32, 'key').slice() };
      break;
    case 0x04: {
      const nonce = r.take(24, 'nonce').slice();
      if (r.remaining < 16) throw new TrameError('MALFORMED_FRAME', 'sealed pairing message too short');
      m = { type: 0x04, nonce, ciphertext: r.take(r.remaining, 'ciphertext').slice() };
      break;
    }
    default:
      throw new TrameError('MALFORMED_FRAME', `unknown pairing message 0x${type.toString(16)}`);
  }
  r.end();
  return m;
}
