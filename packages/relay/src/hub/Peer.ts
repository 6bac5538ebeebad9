import type { LiveFrame } from './LiveFrame.js';

/** What the hub needs from a connection. Keys are lower-case hex. */
export interface Peer {
  readonly id: string;
  readonly spaceKey: string;
  /** null for a space-level connection. */
  readonly docKey: string | null;
  readonly identityKey: string;
  deliver(frame: LiveFrame): void;
  close(code: number, reason: string): void;
}
