/** First retry waits 250-500 ms; each failure doubles it. */
export const RECONNECT_BASE_MS = 500;
/** The longest wait between two attempts (15 s, jittered down to 7.5-15 s). */
export const RECONNECT_CAP_MS = 15_000;

/**
 * How long to wait before connection attempt `failures` + 1 after `failures` failed ones:
 * exponential (doubling from {@link RECONNECT_BASE_MS}, capped at {@link RECONNECT_CAP_MS}),
 * with "equal jitter" (half fixed, half random) so that the clients a relay restart dropped at
 * the same instant do not all come back at the same instant. Reset to 0 failures once a
 * connection is established; the browser's `online` event retries at once (retryNow).
 */
export function reconnectDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, failures));
  return ceiling / 2 + random() * (ceiling / 2);
}
