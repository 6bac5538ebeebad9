import { CloseCode, TrameError } from '@trame/protocol';

/** The typed error a final close code (4400-4499, not retried) stands for. */
export function finalCloseError(code: number, reason: string): TrameError {
  const c =
    code === CloseCode.Forbidden ? 'NOT_A_MEMBER' : code === CloseCode.AuthFailed ? 'AUTH_FAILED' : 'CONNECTION_CLOSED';
  return new TrameError(c, `relay closed the connection (${code} ${reason})`, { closeCode: code });
}
