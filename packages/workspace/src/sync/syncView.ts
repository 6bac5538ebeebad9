import type { ErrorCode } from '@trame/protocol';
import type { DocumentStatus } from './SyncApi.js';

/**
 * What the status line of an open document says, derived from the sync layer's status and
 * errors (see {@link syncView}):
 * - `saved`: the relay holds every edit ("Chiffré · enregistré");
 * - `saving`: edits are on their way ("Envoi…");
 * - `offline`: no network on this device; `pending` when edits wait on this device;
 * - `unreachable`: the device is online but the relay cannot be reached (down, restarting,
 *   blocked): edits are kept on this device and sent once it answers;
 * - `refused`: the relay refused an edit with this role (an observer's forced write); the
 *   edits stay on this device only;
 * - `error`: the document stopped syncing, `code` says why (e.g. NOT_A_MEMBER: access lost).
 */
export type SyncView =
  | { kind: 'connecting' }
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'offline'; pending: boolean }
  | { kind: 'unreachable'; pending: boolean }
  | { kind: 'refused'; code: ErrorCode }
  | { kind: 'error'; code: ErrorCode };

/** Errors that mean "the relay will not take your edits", even while the connection stays up. */
const REFUSALS: readonly ErrorCode[] = ['FORBIDDEN_ROLE', 'NOT_A_MEMBER'];

/**
 * The status line's state from a document session's status, the last error it reported and
 * whether local edits wait to be sent. Non-fatal reports (a forged awareness entry, a skipped
 * unreadable update, a rate limit the engine retries) do not show: only a stopped document
 * (`status === 'error'`) or a refusal of our own edits does. `deviceOnline` is what the
 * browser says of the network: without a connection to the relay, "offline" only when the
 * device has no network, "unreachable" when it has one (MINUTES-4).
 */
export function syncView(
  status: DocumentStatus,
  lastError: ErrorCode | null,
  pending: boolean,
  deviceOnline = false,
): SyncView {
  const down = deviceOnline ? 'unreachable' : 'offline';
  if (status === 'error') return { kind: 'error', code: lastError ?? 'INTERNAL' };
  if (lastError === 'NOT_A_MEMBER') return { kind: 'error', code: lastError };
  if (lastError && REFUSALS.includes(lastError)) return { kind: 'refused', code: lastError };
  if (status === 'offline') return { kind: down, pending };
  if (status === 'connecting') return pending ? { kind: down, pending } : { kind: 'connecting' };
  if (status === 'saving') return { kind: 'saving' };
  return { kind: 'saved' };
}
