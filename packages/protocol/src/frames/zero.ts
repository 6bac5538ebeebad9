import { HASH_BYTES, ID_BYTES } from '../constants/sizes.js';

/** The "none" id: no snapshot yet, or a space-level connection. Do not mutate. */
export const ZERO_ID: Uint8Array = new Uint8Array(ID_BYTES);
/** The "none" hash: prevHash of a genesis entry, parent proof of a first snapshot. */
export const ZERO_HASH: Uint8Array = new Uint8Array(HASH_BYTES);
