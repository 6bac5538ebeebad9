import type { ErrorCode } from '@trame/protocol';
import { m } from '$lib/paraglide/messages.js';

/** What the person can do about a sync error. */
export type SyncErrorAction = 'home' | 'retry' | 'wait' | 'none';

const ACCESS: readonly ErrorCode[] = ['NOT_A_MEMBER', 'UNKNOWN_SPACE', 'AUTH_FAILED', 'NO_KEY'];
const INTEGRITY: readonly ErrorCode[] = [
  'SIGNATURE_INVALID',
  'DECRYPT_FAILED',
  'ROLLBACK_DETECTED',
  'MISSING_UPDATES',
  'REPLAY_DETECTED',
  'FORK_DETECTED',
  'UNTRUSTED_AUTHOR',
  'MEMBERSHIP_CHAIN',
  'BAD_SIGNATURE',
];
const TRANSIENT: readonly ErrorCode[] = ['UNAVAILABLE', 'SLOW_READER', 'INTERNAL', 'RATE_LIMITED', 'CONNECTION_CLOSED'];

/** A sentence for a sync error (or a refusal of our edits) and the action to offer next to it. */
export function syncErrorMessage(code: ErrorCode): { text: string; action: SyncErrorAction } {
  if (code === 'FORBIDDEN_ROLE') return { text: m.err_forbidden_role(), action: 'none' };
  if (ACCESS.includes(code)) return { text: m.err_access(), action: 'home' };
  if (INTEGRITY.includes(code)) return { text: m.err_integrity(), action: 'retry' };
  if (TRANSIENT.includes(code)) return { text: m.err_unavailable(), action: 'wait' };
  if (code === 'FRAME_TOO_LARGE') return { text: m.err_too_large(), action: 'none' };
  // R67: nothing is lost (the edits wait in this browser); only the operator can make room.
  if (code === 'QUOTA_EXCEEDED') return { text: m.err_space_full(), action: 'none' };
  // R68: the operator's space-creation policy.
  if (code === 'CREATION_FORBIDDEN') return { text: m.err_creation_forbidden(), action: 'home' };
  return { text: m.err_generic({ code }), action: 'retry' };
}
