import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from '../scenarios/BenchOptions.js';

/** Reads `--quick`, `--reps N`, `--only a,b`, `--servers a,b`, `--profile DIR` from argv. */
export function parseOptions(argv: readonly string[]): BenchOptions & { writeDocs: boolean } {
  const flag = (name: string): boolean => argv.includes(`--${name}`);
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (name: string): string[] => (value(name) ?? '').split(',').filter(Boolean);
  const quick = flag('quick');
  const dataRoot = join(tmpdir(), `trame-bench-${process.pid}`);
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
  return {
    ...base,
    ...(reps ? { reps: Number(reps) } : {}),
    ...(profile ? { cpuProfileDir: profile } : {}),
    only: list('only'),
    servers: list('servers'),
    writeDocs: flag('write-docs') || (!quick && list('only').length === 0 && list('servers').length === 0),
  };
}
