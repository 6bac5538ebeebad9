/** Outcome of a write check: store the frame, or acknowledge it again as a duplicate (R21). */
export type WriteVerdict = 'append' | 'duplicate';
