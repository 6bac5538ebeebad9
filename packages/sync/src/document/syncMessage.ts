import * as encoding from 'lib0/encoding';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** A y-websocket sync message (step 1, step 2 or update) carrying `payload`. */
export function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  encoding.writeVarUint(enc, step);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}
