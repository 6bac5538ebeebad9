import { isTrameError, type TrameError } from '@trame/protocol';
import type { AuthenticatedUpdate } from './authenticateUpdate.js';
import { checkUpdateClients } from './checkUpdateClients.js';
import { readUpdateClients } from '../document/readUpdateClients.js';
import { updateUnreadable } from './updateUnreadable.js';
import { withAuthor } from '../document/withAuthor.js';

/**
 * R40, R52, R53 for an UPDATE that authenticated (R57) and chains (R50): its plaintext when it
 * may be applied; otherwise the error naming its author (`details.author`), and the update is
 * skipped while its clock counts (INTEGRITY-1): a failed R40 check after authentication
 * (`opened.error`: no write role, unreadable ciphertext), a plaintext that is not a Yjs update
 * (`UPDATE_UNREADABLE`), or structs under another author's Yjs client id (`CLIENT_ID_FORGED`;
 * binds the update's new client ids to `update.author` in `owners` when it passes).
 * `checkView` runs once the frame opened (R39a, MEMBERSHIP-8: it reports, never refuses).
 */
export function checkUpdateContent(
  opened: AuthenticatedUpdate,
  update: { author: string; clock: number },
  owners: Map<number, string>,
  checkView: () => void,
): Uint8Array | TrameError {
  try {
    if (opened.error) throw opened.error;
    const plain = opened.plain;
    checkView();
    const forged = checkUpdateClients(readUpdateClients(plain), update.author, owners);
    if (forged) throw forged;
    return plain;
  } catch (e) {
    return isTrameError(e) ? withAuthor(e, update.author) : updateUnreadable(update.author, update.clock);
  }
}
