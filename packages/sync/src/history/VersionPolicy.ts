/**
 * R114: when a writer's client records a version: after `idleMs` without a local edit, every
 * `maxSessionMs` of continuous editing, and when it leaves the item (or the page). Sessions of
 * work, not keystrokes.
 */
export interface VersionPolicy {
  idleMs: number;
  maxSessionMs: number;
}

export const DEFAULT_VERSION_POLICY: Readonly<VersionPolicy> = Object.freeze({
  idleMs: 2 * 60_000,
  maxSessionMs: 15 * 60_000,
});
