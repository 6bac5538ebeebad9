/**
 * Argon2id cost of the device lock (DEVICES-4), measured on the throttled phone profile of
 * `apps/web/bench` (CPU slowed 4×): see docs/benchmarks.md, "Device lock". 64 MiB is what
 * a mid-range phone's browser gives a tab without trouble; 3 passes keep the unlock near one
 * second there. Stored with each locked key, so a later change never locks anyone out.
 */
export const LOCK_PARAMS = { opslimit: 3, memlimit: 64 * 1024 * 1024 } as const;

/** The inactivity delays the person may choose, in minutes (0: only at start). */
export const LOCK_IDLE_CHOICES = [1, 5, 15, 60, 0] as const;

/** Default delay before the app locks itself when nobody uses it. */
export const DEFAULT_LOCK_IDLE_MINUTES = 5;
