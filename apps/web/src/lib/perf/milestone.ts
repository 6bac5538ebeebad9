/**
 * Marks a step of the app's start-up (`performance.mark('trame:<name>')`) for the load profile
 * (`npm run bench:web:profile` prints them in order). Costs a few microseconds; never throws.
 */
export function milestone(name: string): void {
  try {
    performance.mark(`trame:${name}`);
  } catch {
    // A browser without User Timing: nothing to record.
  }
}
