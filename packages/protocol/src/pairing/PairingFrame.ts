import type { PairingMode } from './PAIRING.js';

/** OPEN: create a channel (channel id all zeros) or join the named one. */
export interface PairingOpenFrame {
  kind: 0x30;
  mode: PairingMode;
  channel: Uint8Array;
}

/** STATUS: the channel's id, its peers (1: waiting for the other device, 2: both there), time left. */
export interface PairingStatusFrame {
  kind: 0x31;
  channel: Uint8Array;
  peers: number;
  expiresInMs: number;
}

/** DATA: opaque bytes between the two peers. */
export interface PairingDataFrame {
  kind: 0x32;
  payload: Uint8Array;
}

/** ERROR: a wire error number (ERRORS.md), then the relay closes. */
export interface PairingErrorFrame {
  kind: 0x33;
  code: number;
}

export type PairingFrame = PairingOpenFrame | PairingStatusFrame | PairingDataFrame | PairingErrorFrame;
