import { TrameError } from '@trame/protocol';

/**
 * R52: every Yjs client id whose structs an UPDATE carries belongs to the frame's author. A
 * client id, once seen under one author on this document (in an UPDATE or an awareness
 * state, R44), stays bound to it; an UPDATE of another author carrying it is
 * `CLIENT_ID_FORGED`. Binds the new ids to the author when the update passes.
 */
export function checkUpdateClients(
  clients: Iterable<number>,
  author: string,
  owners: Map<number, string>,
): TrameError | null {
  const fresh: number[] = [];
  for (const c of clients) {
    const owner = owners.get(c);
    if (owner === undefined) fresh.push(c);
    else if (owner !== author) {
      return new TrameError(
        'CLIENT_ID_FORGED',
        `author ${author.slice(0, 12)} wrote under a Yjs client id of ${owner.slice(0, 12)}`,
        {
          author,
          owner,
          clientId: c,
        },
      );
    }
  }
  for (const c of fresh) owners.set(c, author);
  return null;
}
