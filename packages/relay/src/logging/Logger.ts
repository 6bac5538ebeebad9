/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Facts attached to a log line. Values are scalars on purpose: there is no way to pass frame
 * bytes, so content can never reach a log by accident. Ids are hex strings.
 */
export interface LogFields {
  /** Connection id (relay-local, random). */
  conn?: string;
  /** Space id, hex. */
  space?: string;
  /** Document id, hex. */
  doc?: string;
  /** Frame kind name, e.g. `Update`. */
  kind?: string;
  /** Frame size in bytes. */
  bytes?: number;
  /** Error code name, e.g. `CLOCK_GAP`. */
  code?: string;
  [key: string]: string | number | boolean | null | undefined;
}

/** Structured logger injected into the relay. */
export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
  /** Whether lines of `level` are written; lets hot paths skip building their fields. */
  enabled?(level: LogLevel): boolean;
}
