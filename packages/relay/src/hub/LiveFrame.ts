/**
 * A frame accepted from one connection, on its way to the others, with the facts needed to
 * tell whether a connection still loading its initial state already has it (R13).
 */
export type LiveFrame =
  | { kind: 'membership'; seq: number; raw: Uint8Array }
  | { kind: 'update'; snapshotId: string; author: string; clock: number; raw: Uint8Array }
  | { kind: 'snapshot'; snapshotId: string; height: number; raw: Uint8Array }
  | { kind: 'ephemeral'; raw: Uint8Array };
