/**
 * Least time between two content frames of one document: one per display frame (~60 Hz),
 * faster than anyone sees. Keeps a fast writer (a paste, a replayed trace, several people's
 * bursts) well under the relay's per-connection rate limit (R15) together with awareness, and
 * halves the frames the relay fans out under such bursts compared with 8 ms
 * (docs/benchmarks.md); edits made meanwhile are coalesced. Human typing (≤ 15 keys/s, keys
 * ≥ 60 ms apart) never waits on it.
 */
export const UPDATE_MIN_INTERVAL_MS = 16;
