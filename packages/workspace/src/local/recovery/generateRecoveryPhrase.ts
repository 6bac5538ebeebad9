import type { Locale } from '../../collective/Locale.js';

/**
 * DEVICES-3: a new recovery phrase, 12 words of the standard BIP39 list in the person's
 * language (@scure/bip39, loaded on use), 128 bits of entropy.
 */
export async function generateRecoveryPhrase(locale: Locale): Promise<string> {
  const [generateMnemonic, { wordlist }] = await Promise.all([
    // Destructured at the import so the bundler drops the rest (see recoveryKeys).
    (async () => {
      const { generateMnemonic } = await import('@scure/bip39');
      return generateMnemonic;
    })(),
    locale === 'fr' ? import('@scure/bip39/wordlists/french.js') : import('@scure/bip39/wordlists/english.js'),
  ]);
  return generateMnemonic(wordlist, 128);
}
