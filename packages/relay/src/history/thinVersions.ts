import { toHex, type RetentionPolicy } from '@trame/protocol';
import type { VersionStamp } from './HistoryStore.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/**
 * R112 (HISTORY-3): the versions a retention policy drops at `now` (relay clock, ms). Named
 * versions and versions younger than `keepAllSeconds` are kept. Older ones fall in a tier by
 * age (hourly, daily, weekly; beyond the weekly tier, unless it is 0 = for ever, they are
 * dropped), and within each calendar bucket of that tier (hour, day or week since the epoch,
 * by the time stored) only the newest is kept. Buckets are absolute, so thinning again later
 * drops only more: a version kept as the newest of its hour competes, once a day old, with the
 * other survivors of its day. Uses times only: the relay needs nothing else.
 */
export function thinVersions(stamps: readonly VersionStamp[], now: number, policy: RetentionPolicy): VersionStamp[] {
  const newest = new Map<string, VersionStamp>();
  const drop: VersionStamp[] = [];
  for (const s of stamps) {
    if (s.named) continue;
    const age = now - s.storedAt;
    if (age < policy.keepAllSeconds * 1000) continue;
    let bucket: string;
    if (age < policy.hourlySeconds * 1000) bucket = `h${Math.floor(s.storedAt / HOUR)}`;
    else if (age < policy.dailySeconds * 1000) bucket = `d${Math.floor(s.storedAt / DAY)}`;
    else if (policy.weeklySeconds === 0 || age < policy.weeklySeconds * 1000)
      bucket = `w${Math.floor(s.storedAt / WEEK)}`;
    else {
      drop.push(s);
      continue;
    }
    const kept = newest.get(bucket);
    if (!kept) newest.set(bucket, s);
    else if (isNewer(s, kept)) {
      drop.push(kept);
      newest.set(bucket, s);
    } else drop.push(s);
  }
  return drop;
}

function isNewer(a: VersionStamp, b: VersionStamp): boolean {
  if (a.storedAt !== b.storedAt) return a.storedAt > b.storedAt;
  return toHex(a.versionId) > toHex(b.versionId);
}
