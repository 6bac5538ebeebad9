/** Parent → server process. */
export type ToServer = { t: 'stats'; id: number; gc: boolean } | { t: 'stop'; id: number };

/** CPU and memory of the server process, from `process.cpuUsage()` and `process.memoryUsage()`. */
export interface ServerStats {
  /** User + system CPU time since the process started, in ms. */
  cpuMs: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** WebSocket messages sent since the process started (every connection). */
  messagesSent: number;
}

/** Server process → parent. */
export type FromServer =
  { t: 'ready'; url: string } | { t: 'stats'; id: number; stats: ServerStats } | { t: 'stopped'; id: number };
