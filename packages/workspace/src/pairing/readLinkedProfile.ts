import { PairingError } from '@trame/sync/pairing';
import { MAX_NAME_LENGTH } from '../collective/validatePlan.js';
import { checkDeviceChain, fromHex, MAX_DEVICE_CHAIN_LINKS, toHex } from '@trame/protocol';
import { verify } from '@trame/crypto';
import type { JoinedSpace, StoredChainLink } from '../local/LocalProfile.js';
import type { LinkedProfile } from './LinkMessages.js';

const HEX32 = /^[0-9a-f]{32}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const COLOUR = /^#[0-9a-fA-F]{6}$/;
const HEX128 = /^[0-9a-f]{128}$/;

/** R120: a chain's links, well formed (hex key and signature, u32 time), at most 3. */
function chainLinks(x: unknown): StoredChainLink[] {
  if (!Array.isArray(x) || x.length === 0 || x.length > MAX_DEVICE_CHAIN_LINKS) throw new Error('chain');
  return x.map((l: Partial<StoredChainLink> | null) => {
    if (
      !l ||
      typeof l.device !== 'string' ||
      !HEX64.test(l.device) ||
      typeof l.signature !== 'string' ||
      !HEX128.test(l.signature) ||
      !Number.isInteger(l.issuedAt) ||
      l.issuedAt! < 0 ||
      l.issuedAt! > 0xffffffff
    ) {
      throw new Error('chain link');
    }
    return { device: l.device, issuedAt: l.issuedAt!, signature: l.signature };
  });
}

function space(x: unknown): JoinedSpace {
  const s = x as Partial<JoinedSpace> | null;
  if (
    !s ||
    typeof s.id !== 'string' ||
    !HEX32.test(s.id) ||
    (s.kind !== 'assembly' && s.kind !== 'atelier') ||
    typeof s.assemblyId !== 'string' ||
    !HEX32.test(s.assemblyId) ||
    typeof s.joinedAt !== 'number'
  ) {
    throw new Error('not a joined space');
  }
  const out: JoinedSpace = { id: s.id, kind: s.kind, assemblyId: s.assemblyId, joinedAt: s.joinedAt };
  if (s.pin !== undefined) {
    const p = s.pin;
    if (
      typeof p !== 'object' ||
      !HEX64.test(String(p.genesisHash)) ||
      !HEX64.test(String(p.headHash)) ||
      !Number.isInteger(p.seq) ||
      p.seq < 0
    ) {
      throw new Error('not a pin');
    }
    out.pin = { genesisHash: p.genesisHash, seq: p.seq, headHash: p.headHash };
  }
  return out;
}

/**
 * R104: the profile the account device sent, checked field by field (hex keys and ids, a name
 * within bounds, a colour, a known language, spaces with well-formed R39 pins, and a device
 * chain, if any, that certifies `o.deviceKey` as the person's, R120);
 * PAIRING_UNEXPECTED otherwise. Only what is listed here is kept.
 */
export function readLinkedProfile(value: unknown, o: { deviceKey?: string } = {}): LinkedProfile {
  const v = value as Partial<LinkedProfile> | null;
  try {
    if (!v || v.t !== 'linked') throw new Error('not a linked profile');
    if (typeof v.personId !== 'string' || !HEX64.test(v.personId)) throw new Error('personId');
    if (typeof v.displayName !== 'string' || !v.displayName.trim() || v.displayName.length > MAX_NAME_LENGTH) {
      throw new Error('displayName');
    }
    if (typeof v.colour !== 'string' || !COLOUR.test(v.colour)) throw new Error('colour');
    if (v.locale !== 'fr' && v.locale !== 'en') throw new Error('locale');
    if (!Array.isArray(v.spaces) || v.spaces.length > 1000) throw new Error('spaces');
    const out: LinkedProfile = {
      t: 'linked',
      personId: v.personId,
      displayName: v.displayName,
      colour: v.colour,
      locale: v.locale,
      spaces: v.spaces.map(space),
    };
    if (v.chain !== undefined) {
      const chain = chainLinks(v.chain);
      // R120: the chain must certify this very device as that person's, or it is worth nothing.
      const device = checkDeviceChain(
        fromHex(v.personId),
        chain.map((l) => ({ device: fromHex(l.device), issuedAt: l.issuedAt, signature: fromHex(l.signature) })),
        verify,
      );
      if (device instanceof Error || (o.deviceKey && toHex(device) !== o.deviceKey)) throw new Error('chain');
      out.chain = chain;
    }
    return out;
  } catch (cause) {
    throw new PairingError('PAIRING_UNEXPECTED', 'not a linked profile', { cause });
  }
}
