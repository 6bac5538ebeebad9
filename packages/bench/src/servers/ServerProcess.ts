import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FromServer, ServerStats } from './ServerMessages.js';
import type { ServerKind } from './ServerKind.js';

const MAIN = fileURLToPath(new URL('./serverMain.js', import.meta.url));

/** Options of {@link ServerProcess.start}. */
export interface ServerProcessOptions {
  /** Write a V8 CPU profile of the server into this folder (`node --cpu-prof`). */
  cpuProfileDir?: string;
}

/** A server under test, in its own process on 127.0.0.1, seen from the benchmark. */
export class ServerProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, (m: FromServer) => void>();

  private constructor(
    readonly kind: ServerKind,
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (m: FromServer) => {
      if (m.t === 'ready') return;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      w?.(m);
    });
  }

  /** Forks the server process on `dataDir` and resolves once it listens. */
  static start(kind: ServerKind, dataDir: string, o: ServerProcessOptions = {}): Promise<ServerProcess> {
    mkdirSync(dataDir, { recursive: true });
    const execArgv = ['--expose-gc'];
    if (o.cpuProfileDir)
      execArgv.push(
        '--cpu-prof',
        `--cpu-prof-dir=${o.cpuProfileDir}`,
        `--cpu-prof-name=${kind}-${Date.now()}.cpuprofile`,
      );
    const child = fork(MAIN, [kind, dataDir], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void =>
        reject(new Error(`${kind} server exited with ${code} before listening`));
      child.once('exit', onExit);
      child.once('message', (m: FromServer) => {
        child.off('exit', onExit);
        if (m.t === 'ready') resolve(new ServerProcess(kind, m.url, child));
        else reject(new Error(`unexpected first message from ${kind}`));
      });
    });
  }

  /** CPU and memory now; `gc` runs a full collection first (for memory figures). */
  stats(gc = false): Promise<ServerStats> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (m) => {
        if (m.t === 'stats') resolve(m.stats);
      });
      this.child.send({ t: 'stats', id, gc });
    });
  }

  /** Stops the server gracefully and waits for the process to exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const id = this.nextId++;
    this.child.send({ t: 'stop', id });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
