import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from '../scenarios/BenchOptions.js';

/**
 * Reads `--quick`, `--reps N`, `--only a,b`, `--servers a,b`, `--profile DIR`, `--fanout-rate N`
 * (keys/s per client) and `--fanout-real N` (real editors of the fan-out room) from argv.
 */
export function parseOptions(argv: readonly string[]): BenchOptions & { writeDocs: boolean } {
  const flag = (name: string): boolean => argv.includes(`--${name}`);
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (name: string): string[] => (value(name) ?? '').split(',').filter(Boolean);
  const quick = flag('quick');
  const dataRoot = join(tmpdir(), `trame-bench-${process.pid}`);
  // Fan-out: 2 real editors (one per worker) and 18 typists. Measured on 2 cores at 200 keys/s:
  // with 20 real editors every server's client workers are saturated (event loop 97-100 %, a
  // third of the keys never typed); with 4, Trame's are (93-98 %: each real Trame client verifies
  // every frame it receives), and a client that answers ACKs late merges more keys per frame
  // (0.14 frames per key against 0.47 with typists only), which flatters Trame. See
  // docs/benchmarks.md.
  const base: BenchOptions = quick
    ? {
        quick,
        reps: 1,
        roomSizes: [2, 20],
        maxRealEditors: 4,
        keysPerSec: 10,
        warmupMs: 300,
        typingMs: 2000,
        drainMs: 500,
        fanoutClients: 20,
        fanoutRealEditors: 2,
        fanoutKeysPerSec: 200,
        fanoutTypingMs: 1200,
        fanoutWarmupMs: 300,
        fanoutDrainTimeoutMs: 3000,
        tracesDurationMs: 4000,
        tracesWarmupMs: 1500,
        coldForms: ['compacted'],
        idleConnections: 200,
        bigDocuments: 3,
        stormClients: 200,
        stormDocuments: 20,
        stormSpreadsMs: [0],
        dataRoot,
        only: [],
        servers: [],
      }
    : {
        quick,
        reps: 3,
        roomSizes: [2, 20, 100],
        maxRealEditors: 4,
        keysPerSec: 10,
        warmupMs: 1000,
        typingMs: 6000,
        drainMs: 1000,
        fanoutClients: 20,
        fanoutRealEditors: 2,
        fanoutKeysPerSec: 200,
        fanoutTypingMs: 8000,
        fanoutWarmupMs: 1000,
        fanoutDrainTimeoutMs: 15000,
        tracesDurationMs: 25000,
        tracesWarmupMs: 2000,
        coldForms: ['compacted', 'history'],
        idleConnections: 1000,
        bigDocuments: 20,
        stormClients: 1000,
        stormDocuments: 100,
        stormSpreadsMs: [0, 1000],
        dataRoot,
        only: [],
        servers: [],
      };
  const reps = value('reps');
  const profile = value('profile');
  const fanoutRate = value('fanout-rate');
  const fanoutReal = value('fanout-real');
  return {
    ...base,
    ...(reps ? { reps: Number(reps) } : {}),
    ...(profile ? { cpuProfileDir: profile } : {}),
    ...(fanoutRate ? { fanoutKeysPerSec: Number(fanoutRate) } : {}),
    ...(fanoutReal ? { fanoutRealEditors: Number(fanoutReal) } : {}),
    only: list('only'),
    servers: list('servers'),
    writeDocs: flag('write-docs') || (!quick && list('only').length === 0 && list('servers').length === 0),
  };
}
