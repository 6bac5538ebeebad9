import { describe, expect, it } from 'vitest';
import { checkPassphrase } from './checkPassphrase';

describe('checkPassphrase (DEVICES-4)', () => {
  it('refuses short passphrases and typos, accepts the rest', () => {
    expect(checkPassphrase('court', 'court')).toBe('short');
    expect(checkPassphrase('cheval agrafe', 'cheval agrafé')).toBe('mismatch');
    expect(checkPassphrase('cheval agrafe', 'cheval agrafe')).toBeNull();
  });
});
