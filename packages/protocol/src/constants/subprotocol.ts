import { PROTOCOL_VERSION } from './protocolVersion.js';

/**
 * Websocket subprotocol a client offers at upgrade (R9): `trame.<version>`. The relay refuses
 * an upgrade that does not offer it, so a client that does not speak Trame (a stock
 * y-websocket provider, a scanner) is turned away with an HTTP status before any frame.
 */
export const TRAME_SUBPROTOCOL = `trame.${PROTOCOL_VERSION}`;
