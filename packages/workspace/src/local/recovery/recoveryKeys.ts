import { toHex } from '@trame/protocol';
import { loadSodiumSumo } from '../lock/loadSodiumSumo.js';
import { RecoveryError } from './RecoveryError.js';
import type { RecoveryKeys, RecoveryKeySet } from './RecoveryKeySet.js';

/**
 * DEVICES-3: the keys a recovery phrase stands for. The phrase is checked against the French
 * and the English BIP39 lists (words and checksum; spaces, case and accents as typed are
 * tolerated: NFKD, lower case, single spaces); its 16 bytes of entropy key BLAKE2b-256 for a
 * signing seed (`trame/v1/recovery-sign`) and the backup key (`trame/v1/recovery-key`) of the
 * person backup, and the same two (`trame/v1/recovery-profile-sign`, `…-profile-key`) of the
 * profile backup (ADR 0008 point 5). `PHRASE_INVALID` when no list accepts it.
 */
export async function recoveryKeys(phrase: string): Promise<RecoveryKeys> {
  const [mnemonicToEntropy, fr, en, sodium] = await Promise.all([
    // Destructured at the import so the bundler drops what is unused (mnemonicToSeed pulls in
    // SHA-512 and PBKDF2, whose shared module every route would then load).
    (async () => {
      const { mnemonicToEntropy } = await import('@scure/bip39');
      return mnemonicToEntropy;
    })(),
    import('@scure/bip39/wordlists/french.js'),
    import('@scure/bip39/wordlists/english.js'),
    loadSodiumSumo(),
  ]);
  const words = phrase.normalize('NFKD').toLowerCase().trim().split(/\s+/).join(' ');
  let entropy: Uint8Array | null = null;
  for (const list of [fr.wordlist, en.wordlist]) {
    try {
      // The French list is NFKD-normalised in @scure/bip39, as the standard says.
      entropy = mnemonicToEntropy(words, list);
      break;
    } catch {
      /* not this list */
    }
  }
  if (!entropy) throw new RecoveryError('PHRASE_INVALID');
  const enc = new TextEncoder();
  const set = (label: string): RecoveryKeySet => {
    const seed = sodium.crypto_generichash(32, enc.encode(`trame/v1/recovery${label}-sign`), entropy);
    const key = sodium.crypto_generichash(32, enc.encode(`trame/v1/recovery${label}-key`), entropy);
    const pair = sodium.crypto_sign_seed_keypair(seed);
    sodium.memzero(seed);
    return { id: toHex(pair.publicKey), publicKey: pair.publicKey, secretKey: pair.privateKey, key };
  };
  const keys = { ...set(''), profile: set('-profile') };
  sodium.memzero(entropy);
  return keys;
}
