import { describe, expect, it } from 'vitest';
import { Role } from '@trame/protocol';
import { expiryDate } from './expiryDate.js';
import { inviteExpiryChoices } from './inviteExpiryChoices.js';

describe('inviteExpiryChoices (R77)', () => {
  it('R77: an animateur invite offers no "never" and nothing past 7 days; 7 days is offered to every role', () => {
    expect(inviteExpiryChoices(Role.Admin)).not.toContain('never');
    const now = Date.UTC(2026, 11, 1);
    for (const c of inviteExpiryChoices(Role.Admin)) {
      expect(expiryDate(c, now)!.getTime() - now).toBeLessThanOrEqual(7 * 86_400_000);
    }
    for (const r of [Role.Admin, Role.Editor, Role.Viewer]) expect(inviteExpiryChoices(r)).toContain('7d');
    expect(inviteExpiryChoices(Role.Viewer)).toContain('never');
  });
});
