import { join } from 'node:path';
import type { TrameContext } from '../clients/TrameContext.js';
import { ServerProcess } from '../servers/ServerProcess.js';
import type { ServerKind } from '../servers/ServerKind.js';
import { ClientWorker } from '../workers/ClientWorker.js';
import type { BenchOptions } from './BenchOptions.js';
import { setupTrameSpace } from './setupTrameSpace.js';

let dirCounter = 0;

/** A started server with, for Trame, the space its clients use; workers initialized for it. */
export interface ServerUnderTest {
  server: ServerProcess;
  trame: TrameContext | null;
  dataDir: string;
  /** Stops the server (the data folder is kept for a restart). */
  stop(): Promise<void>;
}

/** Two client worker threads, shared by every scenario of a run. */
export class BenchEnv {
  readonly workers = [new ClientWorker(), new ClientWorker()];

  constructor(readonly o: BenchOptions) {}

  /** A fresh data folder for one server. */
  newDataDir(kind: ServerKind): string {
    return join(this.o.dataRoot, `${kind}-${++dirCounter}`);
  }

  /**
   * Starts `kind` on `dataDir` (fresh unless given) and, for Trame, creates a space with
   * `editors` members unless `trame` (an existing space in that folder) is given.
   */
  async start(
    kind: ServerKind,
    editors: number,
    dataDir = this.newDataDir(kind),
    trame: TrameContext | null = null,
  ): Promise<ServerUnderTest> {
    const server = await ServerProcess.start(
      kind,
      dataDir,
      this.o.cpuProfileDir ? { cpuProfileDir: this.o.cpuProfileDir } : {},
    );
    let ctx = trame;
    if (kind === 'trame' && !ctx) {
      const { ctx: created, owner } = await setupTrameSpace(server.url, editors);
      owner.close();
      ctx = created;
    }
    await Promise.all(this.workers.map((w) => w.call('init', { trame: ctx })));
    return {
      server,
      trame: ctx,
      dataDir,
      stop: async () => {
        await Promise.all(this.workers.map((w) => w.call('closeAll', undefined as never)));
        await server.stop();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
