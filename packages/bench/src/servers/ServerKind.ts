/** The servers a benchmark compares: Trame's relay and the two plaintext peers. */
export type ServerKind = 'trame' | 'y-websocket' | 'hocuspocus';

/** Every server, Trame first. */
export const SERVER_KINDS: readonly ServerKind[] = ['trame', 'y-websocket', 'hocuspocus'];

/** The plaintext peers Trame is compared with. */
export const PEER_KINDS: readonly ServerKind[] = ['y-websocket', 'hocuspocus'];
