import { describe, expect, it } from 'vitest';
import { checkUpdateClients } from './checkUpdateClients.js';

const alice = 'aa'.repeat(32);
const mallory = 'bb'.repeat(32);

describe('checkUpdateClients', () => {
  it('R52: binds unseen client ids to the author and accepts its own ids again', () => {
    const owners = new Map<number, string>();
    expect(checkUpdateClients([1, 2], alice, owners)).toBeNull();
    expect(owners.get(2)).toBe(alice);
    expect(checkUpdateClients([2], alice, owners)).toBeNull();
  });

  it("R52: an update carrying another author's client id is CLIENT_ID_FORGED and binds nothing", () => {
    const owners = new Map<number, string>([[1, alice]]);
    const e = checkUpdateClients([3, 1], mallory, owners);
    expect(e?.code).toBe('CLIENT_ID_FORGED');
    expect(e?.details).toMatchObject({ author: mallory, owner: alice, clientId: 1 });
    expect(owners.has(3)).toBe(false);
  });
});
