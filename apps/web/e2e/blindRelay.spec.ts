import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** Every file under `dir`, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/**
 * Runs after every other test (a project dependency). What the server keeps (the SQLite
 * database and its journal in DATA_DIR) and what it prints (its JSON log and its console
 * output) must contain none of the texts, titles, atelier names and display names the people
 * of the other tests typed: a seized or compromised server yields only ciphertext.
 */
test('6. the relay’s data directory and logs hold none of what people typed', async () => {
  const dir = process.env.TRAME_E2E_DIR!;
  const canaries = [...new Set(readFileSync(join(dir, 'canaries.txt'), 'utf8').split('\n').filter(Boolean))];
  expect(canaries.length).toBeGreaterThan(30);
  const stored = files(join(dir, 'data'));
  const logs = [join(dir, 'relay.log'), join(dir, 'server.log')];
  const all = [...stored, ...logs].map((path) => ({ path, bytes: readFileSync(path) }));
  // The scan looks at real data: documents were stored and the relay did log.
  expect(all.reduce((n, f) => n + f.bytes.length, 0)).toBeGreaterThan(100_000);
  expect(readFileSync(logs[0]!, 'utf8')).toContain('relay.listening');
  const leaks: string[] = [];
  for (const text of canaries) {
    const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
    for (const { path, bytes } of all) {
      if (needles.some((n) => bytes.includes(n))) leaks.push(`${JSON.stringify(text)} in ${path}`);
    }
  }
  expect(leaks).toEqual([]);
});
