import { TrameError } from '@trame/protocol';

/** What R116 knows of a document's Yjs client ids and of the space's keys. */
export interface ClientOwnership {
  /** R52: each Yjs client id → the key (hex; a device key under protocol 4) whose signed frames carry it. */
  readonly owners: ReadonlyMap<number, string>;
  /** R97: the person (hex person key) a key acts for, from the verified log; null for keys it does not list. */
  personOf(key: string): string | null;
}

/** R116's verdict on one claim: it counts, nobody known owns the client id, or it is forged. */
export type AuthorClaimVerdict = 'counts' | 'unbound' | TrameError;

/**
 * R116: an author claim (`trame:authors`, R115: client id `clientId` writes for `person`) counts
 * only when `person` is the person of the key whose signed frames carry that client id (R52):
 * that key's person in the space's log (R97: a linked device is its person's), or the key
 * itself (a person key is its own person, even once its member left). A client id with no known
 * owner is `unbound` (its text has no author, never a guess); a key the log does not list any
 * more (a removed device) cannot be checked and is `unbound` too. Any other person is
 * `AUTHOR_CLAIM_FORGED` (6050): a member claimed someone else's authorship for their own text.
 */
export function checkAuthorClaim(
  claim: { clientId: number; person: string },
  who: ClientOwnership,
): AuthorClaimVerdict {
  const owner = who.owners.get(claim.clientId);
  if (owner === undefined) return 'unbound';
  const person = who.personOf(owner);
  if (person === claim.person) return 'counts';
  if (person === null) return owner === claim.person ? 'counts' : 'unbound';
  return new TrameError(
    'AUTHOR_CLAIM_FORGED',
    `the author of Yjs client ${claim.clientId} (${person.slice(0, 12)}) claims to be ${claim.person.slice(0, 12)}`,
    { clientId: claim.clientId, author: owner, person, claimed: claim.person },
  );
}
