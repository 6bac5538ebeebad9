import { fromHex, toHex, type DeviceCertLink } from '@trame/protocol';
import type { StoredChainLink } from './LocalProfile.js';

/** R120: a device chain as the profile keeps it (hex). Pure. */
export function chainToStored(chain: readonly DeviceCertLink[]): StoredChainLink[] {
  return chain.map((l) => ({ device: toHex(l.device), issuedAt: l.issuedAt, signature: toHex(l.signature) }));
}

/** R120: the profile's chain as the sync layer takes it. Pure; throws on malformed hex. */
export function storedToChain(stored: readonly StoredChainLink[]): DeviceCertLink[] {
  return stored.map((l) => ({ device: fromHex(l.device), issuedAt: l.issuedAt, signature: fromHex(l.signature) }));
}
