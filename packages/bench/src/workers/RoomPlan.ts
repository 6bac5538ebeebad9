import type { ServerKind } from '../servers/ServerKind.js';

/** The part of a room one worker runs: real editors and typists, all typing at one pace. */
export interface RoomPlan {
  kind: ServerKind;
  url: string;
  room: string;
  /** Identity numbers of real editors (Trame: index into the space's seeds). */
  editors: number[];
  /** Identity numbers of typists. */
  typists: number[];
}

/** One edit as sent or seen: Yjs client id, item clock, absolute time (ms). */
export type EditStamp = [client: number, clock: number, at: number];

/** What a worker reports after typing. */
export interface TypingResult {
  sent: EditStamp[];
  received: EditStamp[];
  errors: number;
  /** Yjs client ids of the real editors (the receivers). */
  editorClients: number[];
}
