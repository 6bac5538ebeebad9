/** Board root that remembers which decisions it already received (decision key → card id). */
export const RECEIVED_DECISIONS = 'receivedDecisions';

/** Id of the decisions column created on demand; fixed so concurrent creators converge. */
export const DECISIONS_COLUMN_ID = 'decisions';
