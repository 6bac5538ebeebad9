import { describe, expect, it } from 'vitest';
import { checkSpaceCreation } from './checkSpaceCreation.js';

const facts = (member: boolean, token: boolean) => ({ memberSomewhere: async () => member, presentedToken: token });
const forbidden = { code: 'CREATION_FORBIDDEN' };

describe('checkSpaceCreation', () => {
  it('HOSTILE-3: R68, open lets anyone create; members only members; token only token holders', async () => {
    await expect(checkSpaceCreation({ mode: 'open' }, facts(false, false))).resolves.toBeUndefined();
    await expect(checkSpaceCreation({ mode: 'members' }, facts(true, false))).resolves.toBeUndefined();
    await expect(checkSpaceCreation({ mode: 'members' }, facts(false, true))).rejects.toMatchObject(forbidden);
    await expect(checkSpaceCreation({ mode: 'token', token: 't' }, facts(false, true))).resolves.toBeUndefined();
    await expect(checkSpaceCreation({ mode: 'token', token: 't' }, facts(true, false))).rejects.toMatchObject(
      forbidden,
    );
  });
});
