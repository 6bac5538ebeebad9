import { ByteReader } from '../codec/ByteReader.js';
import { TrameError } from '../errors/TrameError.js';
import { PAIRING, PairingFrameKind, PairingMode } from './PAIRING.js';
import type { PairingFrame } from './PairingFrame.js';

/**
 * Parses one pairing frame strictly (R2's rules: bounds, known values, no trailing bytes):
 * `MALFORMED_FRAME` otherwise, `UNSUPPORTED_VERSION` for another version byte, and
 * `FRAME_TOO_LARGE` for a DATA payload over {@link PAIRING.maxDataBytes} (R102).
 */
export function decodePairingFrame(bytes: Uint8Array): PairingFrame {
  const r = new ByteReader(bytes);
  const version = r.u8('version');
  if (version !== PAIRING.version) throw new TrameError('UNSUPPORTED_VERSION', `pairing version ${version}`);
  const kind = r.u8('kind');
  switch (kind) {
    case PairingFrameKind.Open: {
      const mode = r.u8('mode');
      if (mode !== PairingMode.Create && mode !== PairingMode.Join) {
        throw new TrameError('MALFORMED_FRAME', `unknown pairing mode ${mode}`);
      }
      const channel = r.take(PAIRING.channelIdBytes, 'channel').slice();
      r.end();
      return { kind: PairingFrameKind.Open, mode: mode as PairingMode, channel };
    }
    case PairingFrameKind.Status: {
      const channel = r.take(PAIRING.channelIdBytes, 'channel').slice();
      const peers = r.u8('peers');
      const expiresInMs = r.u32('expiresIn');
      r.end();
      if (peers < 1 || peers > 2) throw new TrameError('MALFORMED_FRAME', `pairing peers ${peers}`);
      return { kind: PairingFrameKind.Status, channel, peers, expiresInMs };
    }
    case PairingFrameKind.Data: {
      const n = r.remaining;
      if (n < 1) throw new TrameError('MALFORMED_FRAME', 'empty pairing data');
      if (n > PAIRING.maxDataBytes) throw new TrameError('FRAME_TOO_LARGE', `pairing data of ${n} bytes`);
      return { kind: PairingFrameKind.Data, payload: r.take(n, 'payload').slice() };
    }
    case PairingFrameKind.Error: {
      const code = r.u16('code');
      r.end();
      return { kind: PairingFrameKind.Error, code };
    }
    default:
      throw new TrameError('MALFORMED_FRAME', `unknown pairing frame kind 0x${kind.toString(16)}`);
  }
}
