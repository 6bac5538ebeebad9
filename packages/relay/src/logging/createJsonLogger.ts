import { closeSync, openSync, writeSync } from 'node:fs';
import type { LogFields, LogLevel, Logger } from './Logger.js';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Options of {@link createJsonLogger}. */
export interface JsonLoggerOptions {
  /** Append lines to this file instead of stdout. */
  file?: string;
  /** Custom sink (tests); takes precedence over `file`. */
  write?: (line: string) => void;
  /** Lowest level written; defaults to `info`. */
  level?: LogLevel;
  /** Clock for the `ts` field (ms since epoch). */
  now?: () => number;
}

/** A logger that can release its file. */
export interface ClosableLogger extends Logger {
  close(): void;
}

/**
 * JSON-lines logger: one object per line with `ts`, `level`, `event` and the given fields.
 * File writes are synchronous so that the last lines before a crash are on disk.
 */
export function createJsonLogger(options: JsonLoggerOptions = {}): ClosableLogger {
  const min = RANK[options.level ?? 'info'];
  const now = options.now ?? Date.now;
  let fd: number | null = null;
  let sink: (line: string) => void;
  if (options.write) {
    sink = options.write;
  } else if (options.file) {
    const handle = openSync(options.file, 'a');
    fd = handle;
    sink = (line) => writeSync(handle, line);
  } else {
    sink = (line) => process.stdout.write(line);
  }
  return {
    log(level: LogLevel, event: string, fields: LogFields = {}): void {
      if (RANK[level] < min) return;
      sink(`${JSON.stringify({ ts: new Date(now()).toISOString(), level, event, ...fields })}\n`);
    },
    close(): void {
      if (fd !== null) closeSync(fd);
      fd = null;
      sink = () => {};
    },
  };
}
