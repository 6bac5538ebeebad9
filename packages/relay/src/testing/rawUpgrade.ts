import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** A raw TCP socket after a websocket upgrade, or the HTTP answer that refused it. */
export interface RawUpgrade {
  status: number;
  /** The response head and whatever body arrived with it. */
  response: string;
  socket: Socket;
}

/**
 * Performs a websocket upgrade by hand on `httpUrl` (tests that must send what no websocket
 * library sends: unfinished or fragmented messages, no subprotocol at all).
 */
export function rawUpgrade(
  httpUrl: string,
  options: { path?: string; protocol?: string | null; headers?: Record<string, string> } = {},
): Promise<RawUpgrade> {
  const url = new URL(httpUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let head = '';
    const lines = [
      `GET ${options.path ?? '/ws'} HTTP/1.1`,
      `Host: ${url.host}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      ...(options.protocol === null ? [] : [`Sec-WebSocket-Protocol: ${options.protocol}`]),
      ...Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.once('error', reject);
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const status = Number(head.split(' ')[1]);
      // A refusal's body follows its head; give it a moment to arrive with it.
      if (status !== 101) {
        socket.once('close', () => {
          socket.off('data', onData);
          resolve({ status, response: head, socket });
        });
        return;
      }
      socket.off('data', onData);
      resolve({ status, response: head, socket });
    };
    socket.on('data', onData);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

/**
 * A masked client frame header: `fin` false for a fragment, `opcode` 2 (binary) or 0
 * (continuation), announcing `length` payload bytes.
 */
export function clientFrameHeader(opcode: number, fin: boolean, length: number): Buffer {
  const mask = Buffer.alloc(4);
  let head: Buffer;
  if (length < 126) {
    head = Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | length]);
  } else if (length < 65536) {
    head = Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | 126, length >> 8, length & 0xff]);
  } else {
    head = Buffer.alloc(10);
    head[0] = (fin ? 0x80 : 0) | opcode;
    head[1] = 0x80 | 127;
    head.writeBigUInt64BE(BigInt(length), 2);
  }
  // An all-zero mask leaves the payload as sent.
  return Buffer.concat([head, mask]);
}

/** Resolves when the socket is closed by the other side, with the bytes received after the upgrade. */
export function socketEnded(socket: Socket, timeoutMs = 3000): Promise<{ closed: boolean; received: Buffer }> {
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.on('error', () => {});
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ closed: false, received: Buffer.concat(chunks) }), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ closed: true, received: Buffer.concat(chunks) });
    });
  });
}
