import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Remembers strings a test typed (texts, titles, names) and returns the first one, so that the
 * blind-relay test can check that none of them reached the relay's disk or logs in clear.
 */
export function canary<T extends string>(text: T, ...more: string[]): T {
  const dir = process.env.TRAME_E2E_DIR;
  if (dir) appendFileSync(join(dir, 'canaries.txt'), [text, ...more].map((s) => `${s}\n`).join(''));
  return text;
}
