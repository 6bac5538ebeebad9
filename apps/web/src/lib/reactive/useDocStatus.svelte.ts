import type { TrameError } from '@trame/protocol';
import type { DocumentSessionLike, DocumentStatus } from '@trame/workspace';

/** A document session's status and last error, for the status line. Call during init. */
export function useDocStatus(session: DocumentSessionLike): {
  readonly status: DocumentStatus;
  readonly error: TrameError | null;
} {
  let status = $state<DocumentStatus>(session.status);
  let error = $state.raw<TrameError | null>(null);
  session.on('status', (s) => {
    status = s;
    if (s !== 'error') error = null;
  });
  session.on('error', (e) => {
    error = e;
  });
  return {
    get status() {
      return status;
    },
    get error() {
      return error;
    },
  };
}
