import type { ClientCost } from '../workers/clientCost.js';
import type { ColdOpenResult } from '../scenarios/runColdOpen.js';
import type { FanoutResult } from '../scenarios/runFanout.js';
import type { KeystrokeResult } from '../scenarios/runKeystroke.js';
import type { MemoryResult } from '../scenarios/runMemory.js';
import type { ReconnectResult } from '../scenarios/runReconnect.js';
import type { TracesResult } from '../scenarios/runTraces.js';

/** Everything one run measured, as written to JSON. */
export interface BenchResults {
  meta: {
    date: string;
    quick: boolean;
    reps: number;
    machine: { cpu: string; cores: number; memoryGiB: number; os: string };
    node: string;
    versions: Record<string, string>;
    options: Record<string, unknown>;
    durationS: number;
  };
  keystroke?: KeystrokeResult;
  traces?: TracesResult;
  fanout?: FanoutResult;
  coldOpen?: ColdOpenResult;
  memory?: MemoryResult;
  reconnect?: ReconnectResult;
  clientCost?: ClientCost;
}
