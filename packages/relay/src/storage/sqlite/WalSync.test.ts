import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalSync } from './WalSync.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function walFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trame-wal-'));
  dirs.push(dir);
  const db = join(dir, 'x.sqlite');
  writeFileSync(`${db}-wal`, 'frames');
  return db;
}

describe('WalSync (group commit, ADR 0002)', () => {
  it('resolves a commit only after a sync that started after it, and shares syncs', async () => {
    const wal = WalSync.open(walFile());
    const order: string[] = [];
    const a = wal.commit();
    const pa = wal.durable(a).then(() => order.push('a'));
    // Committed while the first sync runs: must wait for a second one.
    const b = wal.commit();
    const c = wal.commit();
    const pb = wal.durable(b).then(() => order.push('b'));
    const pc = wal.durable(c).then(() => order.push('c'));
    await Promise.all([pa, pb, pc]);
    expect(order).toEqual(['a', 'b', 'c']);
    // Nothing new committed: already durable, no wait.
    await expect(wal.durable(c)).resolves.toBeUndefined();
    wal.close();
  });

  it('starts syncs at least minGapMs apart under load, and at once after a quiet moment', async () => {
    const db = walFile();
    const { openSync } = await import('node:fs');
    const wal = new WalSync(openSync(`${db}-wal`, 'a'), 60);
    const t0 = performance.now();
    await wal.durable(wal.commit());
    const first = performance.now() - t0;
    // The next commit comes right after: its sync waits for the window.
    await wal.durable(wal.commit());
    const second = performance.now() - t0;
    expect(first).toBeLessThan(50);
    expect(second).toBeGreaterThanOrEqual(55);
    // After a quiet moment longer than the window, no wait.
    await new Promise((r) => setTimeout(r, 80));
    const t1 = performance.now();
    await wal.durable(wal.commit());
    expect(performance.now() - t1).toBeLessThan(50);
    wal.close();
  });

  it('fails every waiter, and every later write, once a sync failed', async () => {
    const wal = WalSync.open(walFile());
    wal.close();
    await expect(wal.durable(wal.commit())).rejects.toThrow();
    await expect(wal.durable(wal.last)).rejects.toThrow();
  });
});
