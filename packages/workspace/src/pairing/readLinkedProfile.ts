import { PairingError } from '@trame/sync/pairing';
import { MAX_NAME_LENGTH } from '../collective/validatePlan.js';
import type { JoinedSpace } from '../local/LocalProfile.js';
import type { LinkedProfile } from './LinkMessages.js';

const HEX32 = /^[0-9a-f]{32}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const COLOUR = /^#[0-9a-fA-F]{6}$/;

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
 * within bounds, a colour, a known language, spaces with well-formed R39 pins);
 * PAIRING_UNEXPECTED otherwise. Only what is listed here is kept.
 */
export function readLinkedProfile(value: unknown): LinkedProfile {
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
    return {
      t: 'linked',
      personId: v.personId,
      displayName: v.displayName,
      colour: v.colour,
      locale: v.locale,
      spaces: v.spaces.map(space),
    };
  } catch (cause) {
    throw new PairingError('PAIRING_UNEXPECTED', 'not a linked profile', { cause });
  }
}
