import { randomBytes } from 'node:crypto';
import { CHALLENGE_BYTES, encodeChallenge, type HelloFrame } from '@trame/protocol';
import type { Connection } from './Connection.js';

/** R10: a HELLO is answered by a CHALLENGE with a fresh random nonce. */
export async function handleHello(conn: Connection, hello: HelloFrame): Promise<void> {
  conn.bind(hello);
  conn.challenge = new Uint8Array(randomBytes(CHALLENGE_BYTES));
  conn.phase = 'auth';
  conn.log('debug', 'connection.hello', { create: hello.create, spaceLevel: conn.spaceLevel });
  conn.send(encodeChallenge(conn.challenge));
}
