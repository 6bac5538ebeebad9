/**
 * R68: who may create a space on this relay (a GENESIS on a CREATE connection), set by the
 * operator. Every mode is also rate-limited per client address (R65). Default `open`.
 * - `open`: anyone.
 * - `members`: identities that are already a member of a space on this relay (a collective's
 *   relay whose first space the operator creates).
 * - `token`: connections that present the operator's token at upgrade, as the websocket
 *   subprotocol `trame-create.<token>` offered beside `trame.<version>` (a header, so that it
 *   stays out of URLs and access logs).
 */
export type SpaceCreationPolicy = { mode: 'open' } | { mode: 'members' } | { mode: 'token'; token: string };

/** The default policy: open, rate-limited per address. */
export const OPEN_SPACE_CREATION: SpaceCreationPolicy = Object.freeze({ mode: 'open' });

/** Prefix of the subprotocol that carries the creation token. */
export const CREATION_TOKEN_PREFIX = 'trame-create.';
