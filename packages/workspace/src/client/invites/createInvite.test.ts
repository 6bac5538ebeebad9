import { Role } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { readInvitePreview } from '../../invites/readInvitePreview.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { fakeCore } from '../../testing/fakeCore.js';
import { createInvite } from './createInvite.js';

describe('createInvite', () => {
  it('MINUTES-8: puts the token and the preview after #; only animateurs invite', async () => {
    const { relay, alice, atelierId } = await coreCollective();
    const link = await createInvite(alice.core, atelierId, {
      role: Role.Viewer,
      expiry: '7d',
      origin: 'https://t.example/',
    });
    expect(link.startsWith('https://t.example/join#')).toBe(true);
    const preview = readInvitePreview(`#x.${link.split('.').pop()!}`);
    expect(preview).toMatchObject({ collective: 'Convergence', kind: 'atelier', role: Role.Viewer, inviter: 'Alice' });
    expect(relay.spaces.get(atelierId)!.invites.size).toBe(1);
    const bob = await fakeCore(relay, 'Bob');
    relay.spaces.get(atelierId)!.members.set(bob.core.myId, Role.Editor);
    await expect(
      createInvite(bob.core, atelierId, { role: Role.Admin, expiry: 'never', origin: 'https://t' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(relay.spaces.get(atelierId)!.invites.size).toBe(1);
  });

  it('R77: an animateur invite that never expires is refused; the default choice expires in 7 days', async () => {
    const { relay, alice, atelierId } = await coreCollective();
    await expect(
      createInvite(alice.core, atelierId, { role: Role.Admin, expiry: 'never', origin: 'https://t' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await createInvite(alice.core, atelierId, { role: Role.Admin, expiry: '7d', origin: 'https://t' });
    const [invite] = [...relay.spaces.get(atelierId)!.invites.values()];
    expect(invite!.expiresAt! - Math.floor(alice.core.now() / 1000)).toBeCloseTo(7 * 86400, -1);
  });
});
