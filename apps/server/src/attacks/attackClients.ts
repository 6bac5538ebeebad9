import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';
import {
  appendSignature,
  encodeContentBody,
  encodeAuth,
  encodeEphemeralHeader,
  encodeHello,
  FrameKind,
  relayHostOf,
  signingInput,
  TRAME_SUBPROTOCOL,
  ZERO_ID,
} from '@trame/protocol';
import { randomBytes, sign, signAuth, type Identity } from '@trame/crypto';

/** A signed EPHEMERAL with `bytes` of random "ciphertext". */
export function rawEphemeral(
  author: Identity,
  spaceId: Uint8Array,
  docId: Uint8Array,
  sequence: number,
  bytes: number,
): Uint8Array {
  const header = encodeEphemeralHeader({ spaceId, docId, epoch: 0, author: author.publicKey, sequence });
  const body = encodeContentBody(header, randomBytes(24), randomBytes(bytes));
  return appendSignature(body, sign(author.secretKey, signingInput(FrameKind.Ephemeral, body)));
}

/** A websocket authenticated as `identity` (HELLO, CHALLENGE, AUTH), with the raw socket. */
export async function authedSocket(
  url: string,
  identity: Identity,
  spaceId: Uint8Array,
  docId: Uint8Array,
  create = false,
): Promise<WebSocket> {
  const ws = new WebSocket(url, [TRAME_SUBPROTOCOL], { perMessageDeflate: false });
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('close', () => reject(new Error('closed before open')));
  });
  const hello = encodeHello({
    create,
    spaceId,
    docId,
    identity: identity.publicKey,
    knownMembershipSeq: -1,
    knownSnapshotId: ZERO_ID,
    knownTailCount: 0,
  });
  const challenge = new Promise<Uint8Array>((resolve) =>
    ws.once('message', (data: Buffer) => resolve(new Uint8Array(data.subarray(2, 34)))),
  );
  ws.send(hello);
  ws.send(encodeAuth(signAuth(identity, await challenge, hello, relayHostOf(url))));
  return ws;
}

/** The raw socket under a `ws` WebSocket (to stop reading from it). */
export function rawSocketOf(ws: WebSocket): Socket {
  return (ws as unknown as { _socket: Socket })._socket;
}

/** An upgraded TCP socket that then starts a binary message announcing `length` bytes and sends `sent` of them. */
export function unfinishedMessage(httpUrl: string, length: number, sent: number): Promise<Socket> {
  const url = new URL(httpUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.on('error', () => {});
    socket.once('connect', () => {
      socket.write(
        `GET /ws HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${nodeRandomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
          `Sec-WebSocket-Protocol: ${TRAME_SUBPROTOCOL}\r\n\r\n`,
      );
    });
    socket.once('data', () => {
      const head = Buffer.alloc(14);
      head[0] = 0x82;
      head[1] = 0x80 | 127;
      head.writeBigUInt64BE(BigInt(length), 2);
      socket.write(head);
      socket.write(Buffer.alloc(sent));
      resolve(socket);
    });
    socket.once('close', () => resolve(socket));
    setTimeout(() => reject(new Error('no upgrade')), 5000).unref();
  });
}
