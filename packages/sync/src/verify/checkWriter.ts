import { TrameError } from '@trame/protocol';

/** What R40/R74 need of the space: who could write at an epoch, and who can write now. */
export interface WriterRoles {
  isTrustedWriter(author: string, epoch: number): boolean;
  isCurrentWriter(author: string): boolean;
}

/**
 * R40/R74 for a content frame's author (hex): a writer while the frame's epoch was current.
 * MEMBERSHIP-5: a `live` frame (forwarded now, not history) must come from a current writer: a
 * relay that lets a removed or demoted member back in cannot get her new edits applied.
 * `UNTRUSTED_AUTHOR` otherwise.
 */
export function checkWriter(roles: WriterRoles, author: string, epoch: number, live: boolean): TrameError | null {
  if (!roles.isTrustedWriter(author, epoch)) {
    return new TrameError('UNTRUSTED_AUTHOR', `author ${author.slice(0, 12)} had no write role in epoch ${epoch}`);
  }
  if (live && !roles.isCurrentWriter(author)) {
    return new TrameError('UNTRUSTED_AUTHOR', `author ${author.slice(0, 12)} is no longer a writer`);
  }
  return null;
}
