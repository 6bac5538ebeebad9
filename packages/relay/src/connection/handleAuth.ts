import { authSigningInput, TrameError, type AuthFrame } from '@trame/protocol';
import { verifyEd25519 } from '../crypto/verifyEd25519.js';
import type { Connection } from './Connection.js';
import { openSession } from './openSession.js';
import { authHostsFor } from './authHostsFor.js';

/**
 * R10: AUTH must verify under the HELLO's identity over the challenge and the HELLO bytes, and
 * (R16) name a host this relay answers to; that one signature is the only one the relay checks
 * per connection (R12).
 */
export async function handleAuth(conn: Connection, auth: AuthFrame): Promise<void> {
  const hello = conn.requireHello();
  const challenge = conn.challenge;
  const hosts = authHostsFor(conn.ctx.publicHosts, conn.requestHost);
  const verifies = (host: string): boolean =>
    verifyEd25519(hello.identity, authSigningInput(challenge!, hello.raw, host), auth.signature);
  if (!challenge || !hosts.some(verifies)) {
    throw new TrameError(
      'AUTH_FAILED',
      `AUTH signature does not verify under the HELLO identity for this relay (${hosts.join(', ') || 'no host'})`,
    );
  }
  conn.challenge = null;
  conn.authenticated();
  conn.log('debug', 'connection.authenticated', { identity: conn.identityKey.slice(0, 16) });
  await openSession(conn);
}
