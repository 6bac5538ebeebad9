/** Why a new passphrase is refused; null when it may be used. */
export type PassphraseProblem = 'short' | 'mismatch' | null;

/** A new passphrase must be at least 8 characters and typed twice the same (DEVICES-4). */
export function checkPassphrase(passphrase: string, confirm: string): PassphraseProblem {
  if (passphrase.length < 8) return 'short';
  if (passphrase !== confirm) return 'mismatch';
  return null;
}
