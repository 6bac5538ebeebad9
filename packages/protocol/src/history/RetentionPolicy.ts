/**
 * HISTORY-3: how long a space keeps the versions nobody named (named ones are always kept). In
 * seconds of age at the relay's clock: every version younger than `keepAllSeconds`; then the
 * newest of each hour up to `hourlySeconds`, of each day up to `dailySeconds`, of each week up
 * to `weeklySeconds` (0: weekly for ever); nothing unnamed older than that.
 */
export interface RetentionPolicy {
  keepAllSeconds: number;
  hourlySeconds: number;
  dailySeconds: number;
  weeklySeconds: number;
}

const DAY = 86_400;

/** The policy of a space whose animateurs never chose one: a day, a week hourly, 90 days daily, then weekly. */
export const DEFAULT_RETENTION_POLICY: Readonly<RetentionPolicy> = Object.freeze({
  keepAllSeconds: DAY,
  hourlySeconds: 7 * DAY,
  dailySeconds: 90 * DAY,
  weeklySeconds: 0,
});
