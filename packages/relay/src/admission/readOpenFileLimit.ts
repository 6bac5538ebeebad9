import { readFileSync } from 'node:fs';

/**
 * The process's soft limit on open files (Linux: /proc/self/limits), or null where it cannot
 * be read. The relay keeps a reserve below it for `/health`, storage and log files (R60).
 */
export function readOpenFileLimit(): number | null {
  try {
    const text = readFileSync('/proc/self/limits', 'utf8');
    const line = text.split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
    if (!soft || soft === 'unlimited') return null;
    const n = Number(soft);
    return Number.isFinite(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}
