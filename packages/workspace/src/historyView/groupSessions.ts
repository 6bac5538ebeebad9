import type { VersionLike } from './VersionLike.js';

/** Versions close in time, shown as one session of work. */
export interface VersionSession<V extends VersionLike> {
  start: number;
  end: number;
  /** Everyone who wrote in it, in order of first appearance (newest version first). */
  authors: string[];
  /** Newest first. */
  versions: V[];
}

/** Two versions further apart than this start a new session. */
export const SESSION_GAP_MS = 30 * 60_000;

/**
 * HISTORY-1: versions grouped as a person remembers them, sessions of work rather than
 * saves: a version belongs to the session above it when it ended at most `gapMs` before that
 * session started. Newest session first, each newest version first.
 */
export function groupSessions<V extends VersionLike>(versions: readonly V[], gapMs = SESSION_GAP_MS): VersionSession<V>[] {
  const sorted = [...versions].sort((a, b) => b.endAt - a.endAt || b.at - a.at || (a.id < b.id ? 1 : -1));
  const out: VersionSession<V>[] = [];
  let current: VersionSession<V> | null = null;
  for (const v of sorted) {
    if (current && current.start - v.endAt <= gapMs) {
      current.versions.push(v);
      current.start = Math.min(current.start, v.at);
      for (const a of v.authors) if (!current.authors.includes(a)) current.authors.push(a);
    } else {
      current = { start: v.at, end: v.endAt, authors: [...new Set(v.authors)], versions: [v] };
      out.push(current);
    }
  }
  return out;
}
