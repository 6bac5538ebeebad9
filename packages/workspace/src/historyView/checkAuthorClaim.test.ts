import { describe, expect, it } from 'vitest';
import { isTrameError } from '@trame/protocol';
import { checkAuthorClaim, type ClientOwnership } from './checkAuthorClaim.js';

const ALICE = 'a'.repeat(64);
const ALICE_PHONE = 'c'.repeat(64);
const BOB = 'b'.repeat(64);
const GONE = 'd'.repeat(64);
const OLD_PHONE = 'e'.repeat(64);

/** Client 1 is Alice's laptop, 2 her phone, 3 Bob's; 4 a member who left; 5 a removed phone. */
const who: ClientOwnership = {
  owners: new Map([
    [1, ALICE],
    [2, ALICE_PHONE],
    [3, BOB],
    [4, GONE],
    [5, OLD_PHONE],
  ]),
  personOf: (key) => (key === ALICE || key === BOB ? key : key === ALICE_PHONE ? ALICE : null),
};

describe('checkAuthorClaim', () => {
  it('R116: a claim naming the person of the key that signed the client id’s frames counts', () => {
    expect(checkAuthorClaim({ clientId: 1, person: ALICE }, who)).toBe('counts');
    expect(checkAuthorClaim({ clientId: 3, person: BOB }, who)).toBe('counts');
  });

  it('R116: a linked device’s client id counts for its person (R97), not for the device key', () => {
    expect(checkAuthorClaim({ clientId: 2, person: ALICE }, who)).toBe('counts');
    expect(isTrameError(checkAuthorClaim({ clientId: 2, person: ALICE_PHONE }, who))).toBe(true);
  });

  it('R116: Bob claiming Alice for his own client id is AUTHOR_CLAIM_FORGED (6050), naming both', () => {
    const v = checkAuthorClaim({ clientId: 3, person: ALICE }, who);
    if (!isTrameError(v)) throw new Error(`expected an error, got ${v}`);
    expect(v.code).toBe('AUTHOR_CLAIM_FORGED');
    expect(v.number).toBe(6050);
    expect(v.details).toMatchObject({ clientId: 3, author: BOB, person: BOB, claimed: ALICE });
  });

  it('R116: a client id with no known owner is unbound, whoever it claims', () => {
    expect(checkAuthorClaim({ clientId: 9, person: ALICE }, who)).toBe('unbound');
  });

  it('R116: a person key the log no longer lists is still its own person; a removed device cannot be checked', () => {
    expect(checkAuthorClaim({ clientId: 4, person: GONE }, who)).toBe('counts');
    expect(checkAuthorClaim({ clientId: 4, person: ALICE }, who)).toBe('unbound');
    expect(checkAuthorClaim({ clientId: 5, person: ALICE }, who)).toBe('unbound');
  });
});
