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

/** What a worker reports after a fan-out burst (`burst`), before the drain. */
export interface BurstResult {
  sent: EditStamp[];
  /** Next Yjs clock of each of this worker's senders once it stopped: what receivers must reach. */
  clocks: Array<[client: number, clock: number]>;
  /** Keys the schedule asked for but the worker dropped because it had fallen too far behind. */
  skipped: number;
  /** WebSocket messages this worker's clients sent while typing (all kinds of message). */
  messagesSent: number;
  /** Event-loop utilization of the worker while typing: near 1, the clients are the bottleneck. */
  elu: number;
  errors: number;
  editorClients: number[];
}

/** What a worker reports after the drain (`drain`). */
export interface DrainResult {
  received: EditStamp[];
  /** Whether every real editor reached every sender's clock before the deadline. */
  complete: boolean;
  waitedMs: number;
}
