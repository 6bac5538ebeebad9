import type { ErrorCode } from '@trame/protocol';

/** What a pairing rule decided: null to go on, or the error the peer gets before its socket closes. */
export type PairingVerdict = ErrorCode | null;
