import { TrameError } from '@trame/protocol';

/** R52/R53: the error for an UPDATE whose plaintext is not a Yjs update, naming its author. */
export function updateUnreadable(author: string, clock: number): TrameError {
  return new TrameError('UPDATE_UNREADABLE', `update ${clock} of ${author.slice(0, 12)} does not parse`, {
    author,
  });
}
