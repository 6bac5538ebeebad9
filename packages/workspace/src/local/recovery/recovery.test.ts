import { describe, expect, it } from 'vitest';
import type { LocalProfile } from '../LocalProfile.js';
import { generateRecoveryPhrase } from './generateRecoveryPhrase.js';
import { openBackup } from './openBackup.js';
import { recoveryKeys } from './recoveryKeys.js';
import { sealBackup } from './sealBackup.js';

const profile: LocalProfile = {
  version: 1,
  secretKey: new Uint8Array(64).fill(7),
  displayName: 'Léa Martin',
  colour: '#4338ca',
  locale: 'fr',
  spaces: [
    {
      id: 'ab'.repeat(16),
      kind: 'assembly',
      assemblyId: 'ab'.repeat(16),
      joinedAt: 1,
      pin: { genesisHash: 'cd'.repeat(32), seq: 4, headHash: 'ef'.repeat(32) },
    },
  ],
  createdAt: 1,
};

describe('recovery phrase and backup (DEVICES-3)', () => {
  it('a French phrase of 12 words gives the same keys however it is typed; another phrase gives others', async () => {
    const phrase = await generateRecoveryPhrase('fr');
    expect(phrase.split(' ')).toHaveLength(12);
    const a = await recoveryKeys(phrase);
    expect(a.id).toMatch(/^[0-9a-f]{64}$/);
    const retyped = `  ${phrase.normalize('NFC').toUpperCase().split(' ').join('   ')} `;
    expect((await recoveryKeys(retyped)).id).toBe(a.id);
    const b = await recoveryKeys(await generateRecoveryPhrase('en'));
    expect(b.id).not.toBe(a.id);
    expect(b.key).not.toEqual(a.key);
  });

  it('a phrase with a wrong word or checksum is PHRASE_INVALID', async () => {
    // BIP39's first test vector (entropy zero) is valid; twelve times "abandon" fails only its
    // checksum. A random word swapped in would keep a valid checksum once in 16.
    const valid = `${'abandon '.repeat(11)}about`;
    await expect(recoveryKeys(valid)).resolves.toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await expect(recoveryKeys(`${'abandon '.repeat(11)}abandon`)).rejects.toMatchObject({
      code: 'PHRASE_INVALID',
      number: 8011,
    });
    await expect(recoveryKeys(`${'abandon '.repeat(11)}bonjour`)).rejects.toMatchObject({ code: 'PHRASE_INVALID' });
    await expect(recoveryKeys('bonjour tout le monde')).rejects.toMatchObject({ code: 'PHRASE_INVALID' });
  });

  it('a backup opens with its phrase only, holds no plaintext, and a tampered body is refused', async () => {
    const keys = await recoveryKeys(await generateRecoveryPhrase('fr'));
    const body = await sealBackup(profile, keys, 3);
    expect(body.length % 4096).toBe(72 + 24 + 16);
    expect(Buffer.from(body).includes(Buffer.from('Léa Martin'))).toBe(false);
    expect(Buffer.from(body).includes(Buffer.from('ab'.repeat(16)))).toBe(false);
    const opened = await openBackup(body, keys);
    expect(opened.version).toBe(3);
    expect(opened.profile).toEqual(profile);
    const other = await recoveryKeys(await generateRecoveryPhrase('fr'));
    await expect(openBackup(body, other)).rejects.toMatchObject({ code: 'BACKUP_UNREADABLE', number: 8012 });
    const tampered = body.slice();
    tampered[100] = tampered[100]! ^ 1;
    await expect(openBackup(tampered, keys)).rejects.toMatchObject({ code: 'BACKUP_UNREADABLE' });
  });
});
