/** How big and how long a benchmark run is (`--quick` shrinks everything). */
export interface BenchOptions {
  quick: boolean;
  /** Repetitions of each measurement (medians and spread are over these). */
  reps: number;
  /** Room sizes of the keystroke scenario. */
  roomSizes: number[];
  /** Real (verifying) clients in rooms too large to run only real clients on this machine. */
  maxRealEditors: number;
  keysPerSec: number;
  warmupMs: number;
  typingMs: number;
  drainMs: number;
  /** Fan-out (throughput): clients in the room, of which real editors, and keys/s per client. */
  fanoutClients: number;
  fanoutRealEditors: number;
  fanoutKeysPerSec: number;
  /** Fan-out: typing time (the first `fanoutWarmupMs` of it left out of the latencies). */
  fanoutTypingMs: number;
  fanoutWarmupMs: number;
  /** Fan-out: longest wait, after typing, for every real editor to have every key. */
  fanoutDrainTimeoutMs: number;
  /** Real-trace room: how long the traces play, and the part of it not measured. */
  tracesDurationMs: number;
  tracesWarmupMs: number;
  /** Cold open: which stored forms, and how many of the trace's transactions. */
  coldForms: Array<'history' | 'compacted'>;
  /** Memory: idle connections (one per document), and seph-blog1-size documents opened. */
  idleConnections: number;
  bigDocuments: number;
  /** Reconnect storm: clients and documents, and the spreads (ms) they reconnect within. */
  stormClients: number;
  stormDocuments: number;
  stormSpreadsMs: number[];
  /** Where server processes keep their data (a fresh folder per run). */
  dataRoot: string;
  /** Write V8 CPU profiles of the servers here (`--profile`). */
  cpuProfileDir?: string;
  /** Only these scenarios (`--only keystroke,memory`); all when empty. */
  only: string[];
  /** Only these servers (`--servers trame,y-websocket`); all when empty. */
  servers: string[];
}
