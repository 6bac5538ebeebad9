import { m } from '$lib/paraglide/messages.js';

/** DEVICES-1: what the person reads when a link ends, by error code (ERRORS.md 2020-2023, 8030-8037). */
export function linkErrorMessage(code: string | undefined): string {
  switch (code) {
    case 'PAIRING_UNKNOWN':
      return m.link_error_unknown();
    case 'PAIRING_EXPIRED':
      return m.link_error_expired();
    case 'PAIRING_FULL':
      return m.link_error_full();
    case 'PAIRING_PEER_LEFT':
      return m.link_error_peer_left();
    case 'PAIRING_CANCELLED':
      return m.link_error_cancelled();
    case 'PAIRING_COMMIT_MISMATCH':
    case 'PAIRING_DECRYPT_FAILED':
    case 'PAIRING_UNEXPECTED':
      return m.link_error_tampered();
    case 'PAIRING_SIDE_CONFLICT':
      return m.link_error_side();
    case 'RATE_LIMITED':
      return m.link_error_rate();
    case 'PAIRING_UNREACHABLE':
    case 'UNAVAILABLE':
      return m.link_error_unreachable();
    case 'PAIRING_ADD_FAILED':
      return m.link_error_add();
    default:
      return m.link_error_other();
  }
}
