import type { ErrorCode } from '@trame/protocol';

/**
 * R45, what a rejection of the in-flight UPDATE asks for: `rebase` its content on the latest
 * snapshot (STALE_SNAPSHOT); `resend` the same frame later (the relay could not take it now);
 * `hold` the edits here (this role cannot save them, or the space is full); `reload` the state and re-send the
 * content with a fresh clock (our view of the history is off: CLOCK_GAP, CLOCK_REPLAY, …);
 * `compact`: the tail is at the relay's bound (R65), publish a snapshot carrying the content.
 * STALE_EPOCH (R73) once this client holds the newer epoch (`epochMoved`) is `compact` too: the
 * document moves to the new key with a snapshot that carries the unacknowledged content,
 * sealed again under the new key; before that, `reload` fetches the ROTATE.
 */
export function inflightUpdateErrorAction(
  code: ErrorCode,
  epochMoved = false,
): 'rebase' | 'resend' | 'hold' | 'reload' | 'compact' {
  switch (code) {
    case 'COMPACTION_REQUIRED':
      return 'compact';
    case 'STALE_EPOCH':
      return epochMoved ? 'compact' : 'reload';
    case 'STALE_SNAPSHOT':
      return 'rebase';
    case 'UNAVAILABLE':
    case 'RATE_LIMITED':
    case 'INTERNAL':
      return 'resend';
    case 'FORBIDDEN_ROLE':
    case 'NOT_A_MEMBER':
    case 'QUOTA_EXCEEDED': // R67: the space is full; edits wait here for the next edit or reconnect
      return 'hold';
    default:
      return 'reload';
  }
}
