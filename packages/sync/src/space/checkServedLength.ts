import { TrameError } from '@trame/protocol';

/**
 * R39: a relay's log (its head seq in READY, -1 for none) may not be shorter than what this
 * device verified or pinned.
 */
export function checkServedLength(relaySeq: number, knownSeq: number): TrameError | null {
  if (relaySeq >= knownSeq) return null;
  return new TrameError('MEMBERSHIP_ROLLBACK', `the relay's log ends at seq ${relaySeq}; this device verified seq ${knownSeq}`);
}
