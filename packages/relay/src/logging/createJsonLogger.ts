import { closeSync, openSync, writeSync } from 'node:fs';
import { flushOnExit } from './flushOnExit.js';
import type { LogFields, LogLevel, Logger } from './Logger.js';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Past this many characters waiting, lines are written without waiting for the end of the turn.
const MAX_PENDING_CHARS = 64 * 1024;

/** Options of {@link createJsonLogger}. */
export interface JsonLoggerOptions {
  /** Append lines to this file instead of stdout. */
  file?: string;
  /** Custom sink (tests), called once per line at once; takes precedence over `file`. */
  write?: (line: string) => void;
  /** Lowest level written; defaults to `info`. */
  level?: LogLevel;
  /** Clock for the `ts` field (ms since epoch). */
  now?: () => number;
}

/** A logger that can release its file. */
export interface ClosableLogger extends Logger {
  close(): void;
  /** Lines lost because the sink failed (a full disk, a closed pipe), for /metrics (R64). */
  droppedLines(): number;
}

/**
 * JSON-lines logger: one object per line with `ts`, `level`, `event` and the given fields.
 * File and stdout writes are synchronous so that the last lines before a crash are on disk:
 * `warn` and `error` lines, with every line before them, are written at once; `debug` and
 * `info` lines are gathered and written once per event-loop turn (and on exit), because a
 * reconnect storm logs four lines per connection and a write call each cost more than the
 * line itself.
 */
export function createJsonLogger(options: JsonLoggerOptions = {}): ClosableLogger {
  const min = RANK[options.level ?? 'info'];
  const now = options.now ?? Date.now;
  const direct = options.write;
  let fd: number | null = null;
  let dropped = 0;
  let sink: (text: string) => void;
  if (options.file) {
    const handle = openSync(options.file, 'a');
    fd = handle;
    sink = (text) => writeSync(handle, text);
  } else {
    // A closed or broken stdout reports its error asynchronously; unhandled, it would end the process.
    if (process.stdout.listenerCount('error') === 0) process.stdout.on('error', () => (dropped += 1));
    sink = (text) => process.stdout.write(text);
  }
  // R64: logging never takes the relay down. A full disk (ENOSPC) or a broken pipe drops
  // the lines, counted; writing resumes by itself when the sink works again.
  let write = (text: string): void => {
    try {
      sink(text);
    } catch {
      dropped += countLines(text);
    }
  };
  let pending = '';
  let scheduled = false;
  let closed = false;
  const flush = (): void => {
    scheduled = false;
    if (pending === '') return;
    const text = pending;
    pending = '';
    write(text);
  };
  const unhook = direct ? () => {} : flushOnExit(flush);
  return {
    enabled(level: LogLevel): boolean {
      return RANK[level] >= min && !closed;
    },
    log(level: LogLevel, event: string, fields: LogFields = {}): void {
      const rank = RANK[level];
      if (rank < min || closed) return;
      const line = `${JSON.stringify({ ts: new Date(now()).toISOString(), level, event, ...fields })}\n`;
      if (direct) {
        direct(line);
        return;
      }
      pending += line;
      if (rank >= RANK.warn || pending.length >= MAX_PENDING_CHARS) {
        flush();
      } else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    droppedLines(): number {
      return dropped;
    },
    close(): void {
      flush();
      closed = true;
      unhook();
      if (fd !== null) {
        try {
          closeSync(fd);
        } catch {
          // Closing a file whose last writes failed can fail the same way; nothing is left to lose.
        }
      }
      fd = null;
      write = () => {};
    },
  };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
