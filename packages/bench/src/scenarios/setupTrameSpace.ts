import WebSocket from 'ws';
import {
  generateIdentity,
  identityFromSeed,
  ready,
  Role,
  SpaceSession,
  toHex,
  type WebSocketConstructor,
} from '@trame/sync';
import { randomBytes } from '@trame/crypto';
import type { TrameContext } from '../clients/TrameContext.js';

/**
 * Creates a space on a Trame relay with `editors` members (editor role) whose seeds the
 * workers receive. Returns the owner's session too (its state holds the keys, for seeding).
 */
export async function setupTrameSpace(
  url: string,
  editors: number,
): Promise<{ ctx: TrameContext; owner: SpaceSession }> {
  await ready();
  const owner = await SpaceSession.create({
    relayUrl: url,
    identity: generateIdentity(),
    WebSocketImpl: WebSocket as unknown as WebSocketConstructor,
  });
  const seeds: string[] = [];
  for (let i = 0; i < editors; i++) {
    const seed = randomBytes(32);
    seeds.push(toHex(seed));
    await owner.addMember(identityFromSeed(seed).publicKey, Role.Editor);
  }
  return { ctx: { spaceIdHex: toHex(owner.state.spaceId), seeds }, owner };
}
