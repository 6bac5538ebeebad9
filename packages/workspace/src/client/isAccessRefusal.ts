import { CloseCode } from '@trame/protocol';

const REFUSALS = new Set(['NOT_A_MEMBER', 'UNKNOWN_SPACE', 'AUTH_FAILED', 'INVALID_MEMBERSHIP']);

/**
 * Whether an error from @trame/sync means "the relay will not let this identity in": never a
 * member, removed, or an invite already used, revoked or expired. Anything else (no network,
 * relay down) is worth retrying. Duck-typed, so it also recognises errors from another copy of
 * @trame/protocol.
 */
export function isAccessRefusal(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, details } = e as { code?: unknown; details?: { closeCode?: unknown } };
  return (typeof code === 'string' && REFUSALS.has(code)) || details?.closeCode === CloseCode.Forbidden;
}
