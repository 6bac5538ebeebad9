import {
  comparisonCode,
  pairingCommitment,
  pairingKeyPair,
  pairingSessionKeys,
  pairingTranscript,
  type PairingSessionKeys,
} from '@trame/crypto';
import {
  bytesEqual,
  decodePairingMessage,
  encodePairingMessage,
  formatPairingCode,
  type LinkSide,
  type PairingMessage,
} from '@trame/protocol';
import type { WebSocketConstructor } from '../connection/WebSocketLike.js';
import { PairingError } from './PairingError.js';
import { PairingSocket } from './PairingSocket.js';
import { SecureChannel } from './SecureChannel.js';

/** Options of {@link pairDevices}. */
export interface PairDevicesOptions {
  /** `ws(s)://<host>/pair`. */
  url: string;
  /** Defaults to the platform's WebSocket. */
  WebSocketImpl?: WebSocketConstructor;
  /** This device's side: it holds the person's account, or it is the new device. */
  side: LinkSide;
  /** The channel to join (from the other screen's code); null to create one and show its code. */
  join: Uint8Array | null;
  /** A created channel's typed code (`K7QM-3XAD`) and when it expires (local ms). */
  onCode?(code: string, expiresAt: number): void;
  /** "Annuler" on the screen: closes the socket, now or later (pending reads end PAIRING_CANCELLED). */
  signal?: AbortSignal;
}

/**
 * DEVICES-1, R104: meets the other device on a pairing channel and agrees keys with it. The
 * creator sends a commitment to a fresh X25519 key, the joiner its key, the creator reveals its
 * key (checked against the commitment: PAIRING_COMMIT_MISMATCH); both hash the transcript into
 * the comparison code and derive one key per direction. Each side says which it is; two
 * accounts or two new devices is PAIRING_SIDE_CONFLICT. Nothing is trusted until the person
 * confirms that both screens show the same comparison code: that is the caller's to ask.
 */
export async function pairDevices(o: PairDevicesOptions): Promise<SecureChannel> {
  const socket = await PairingSocket.open({
    url: o.url,
    join: o.join,
    ...(o.WebSocketImpl ? { WebSocketImpl: o.WebSocketImpl } : {}),
  });
  const abort = () => socket.close(new PairingError('PAIRING_CANCELLED'));
  if (o.signal?.aborted) abort();
  o.signal?.addEventListener('abort', abort, { once: true });
  try {
    if (!o.join) o.onCode?.(formatPairingCode(socket.channel), socket.expiresAt);
    await socket.whenPeer();
    const mine = pairingKeyPair();
    const next = async (): Promise<PairingMessage> => {
      const bytes = await socket.next();
      try {
        return decodePairingMessage(bytes);
      } catch (cause) {
        throw new PairingError('PAIRING_UNEXPECTED', 'the other device sent something else', { cause });
      }
    };
    const other = (side: LinkSide): void => {
      if (side === o.side) throw new PairingError('PAIRING_SIDE_CONFLICT', 'both devices are on the same side');
    };
    let transcript: Uint8Array;
    let peerKey: Uint8Array;
    if (!o.join) {
      const commitment = pairingCommitment(mine.publicKey);
      socket.send(encodePairingMessage({ type: 0x01, side: o.side, commitment }));
      const key = await next();
      if (key.type !== 0x02) throw new PairingError('PAIRING_UNEXPECTED', 'expected the joiner key');
      other(key.side);
      socket.send(encodePairingMessage({ type: 0x03, key: mine.publicKey }));
      peerKey = key.key;
      transcript = pairingTranscript({
        channel: socket.channel,
        creatorSide: o.side,
        commitment,
        joinerSide: key.side,
        joinerKey: key.key,
        creatorKey: mine.publicKey,
      });
    } else {
      const commit = await next();
      if (commit.type !== 0x01) throw new PairingError('PAIRING_UNEXPECTED', 'expected a commitment');
      other(commit.side);
      socket.send(encodePairingMessage({ type: 0x02, side: o.side, key: mine.publicKey }));
      const reveal = await next();
      if (reveal.type !== 0x03) throw new PairingError('PAIRING_UNEXPECTED', 'expected the revealed key');
      if (!bytesEqual(pairingCommitment(reveal.key), commit.commitment)) {
        throw new PairingError('PAIRING_COMMIT_MISMATCH', 'the revealed key is not the committed one');
      }
      peerKey = reveal.key;
      transcript = pairingTranscript({
        channel: socket.channel,
        creatorSide: commit.side,
        commitment: commit.commitment,
        joinerSide: o.side,
        joinerKey: mine.publicKey,
        creatorKey: reveal.key,
      });
    }
    return new SecureChannel(socket, agree(mine.secretKey, peerKey, transcript, !o.join), comparisonCode(transcript));
  } catch (e) {
    const error = e instanceof PairingError ? e : new PairingError('PAIRING_UNEXPECTED', String(e), { cause: e });
    socket.close(error);
    throw error;
  }
}

/** R104's keys from this side's secret (wiped afterwards); a small-order peer key is PAIRING_UNEXPECTED. */
function agree(secret: Uint8Array, peerKey: Uint8Array, transcript: Uint8Array, creator: boolean): PairingSessionKeys {
  try {
    return pairingSessionKeys(secret, peerKey, transcript, creator);
  } catch (cause) {
    throw new PairingError('PAIRING_UNEXPECTED', 'the other key is unusable', { cause });
  } finally {
    secret.fill(0);
  }
}
