import { certifyDevice, generateIdentity, ready } from '@trame/crypto';
import { toHex } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { readLinkedProfile } from './readLinkedProfile.js';

const stored = (l: ReturnType<typeof certifyDevice>) => ({
  device: toHex(l.device),
  issuedAt: l.issuedAt,
  signature: toHex(l.signature),
});

describe('R120 in the link message (PROTOCOL.md §11.3)', () => {
  it('R120: the new device keeps a chain that certifies its own key for that person, and refuses any other', async () => {
    await ready();
    const person = generateIdentity();
    const phone = generateIdentity();
    const other = generateIdentity();
    const base = {
      t: 'linked',
      personId: toHex(person.publicKey),
      displayName: 'Alice',
      colour: '#2f6fde',
      locale: 'fr',
      spaces: [],
    };
    const chain = [stored(certifyDevice(person, person.publicKey, phone.publicKey))];
    expect(readLinkedProfile({ ...base, chain }, { deviceKey: toHex(phone.publicKey) }).chain).toEqual(chain);
    // Without a chain the profile is still read (a device that cannot certify).
    expect(readLinkedProfile(base, { deviceKey: toHex(phone.publicKey) }).chain).toBeUndefined();
    const bad = [
      // a chain for another device
      [stored(certifyDevice(person, person.publicKey, other.publicKey))],
      // signed by someone else than the person
      [stored(certifyDevice(other, person.publicKey, phone.publicKey))],
      // altered
      [{ ...chain[0]!, issuedAt: chain[0]!.issuedAt + 1 }],
      // malformed
      [],
      [{ ...chain[0]!, signature: 'zz' }],
      'chain',
    ];
    for (const c of bad) {
      expect(() => readLinkedProfile({ ...base, chain: c }, { deviceKey: toHex(phone.publicKey) })).toThrow(
        expect.objectContaining({ code: 'PAIRING_UNEXPECTED' }),
      );
    }
  });
});
