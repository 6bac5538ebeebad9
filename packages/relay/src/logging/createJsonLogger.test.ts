import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonLogger } from './createJsonLogger.js';

describe('createJsonLogger', () => {
  it('writes one JSON object per line, filtered by level', () => {
    const lines: string[] = [];
    const logger = createJsonLogger({ level: 'info', write: (l) => lines.push(l), now: () => 0 });
    logger.log('debug', 'hidden');
    logger.log('warn', 'frame.rejected', { conn: 'c1', code: 'CLOCK_GAP', bytes: 12 });
    expect(lines).toEqual([
      '{"ts":"1970-01-01T00:00:00.000Z","level":"warn","event":"frame.rejected","conn":"c1","code":"CLOCK_GAP","bytes":12}\n',
    ]);
  });

  it('appends to a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trame-log-'));
    try {
      const file = join(dir, 'relay.log');
      const logger = createJsonLogger({ file });
      logger.log('info', 'a');
      logger.log('error', 'b');
      logger.close();
      const events = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { event: string }).event);
      expect(events).toEqual(['a', 'b']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes info lines to its file by the next turn, and a warning with everything before it at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trame-log-'));
    try {
      const file = join(dir, 'relay.log');
      const events = (): string[] =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { event: string }).event);
      const logger = createJsonLogger({ file });
      logger.log('info', 'a');
      logger.log('info', 'b');
      await new Promise((resolve) => setImmediate(resolve));
      expect(events()).toEqual(['a', 'b']);
      logger.log('info', 'c');
      logger.log('warn', 'd');
      expect(events()).toEqual(['a', 'b', 'c', 'd']);
      logger.log('info', 'e');
      logger.close();
      logger.log('info', 'after close');
      await new Promise((resolve) => setImmediate(resolve));
      expect(events()).toEqual(['a', 'b', 'c', 'd', 'e']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
