import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `apps/server/dist/main.js`, from `src/scaleout` (tests) and from `dist/scaleout` (bench). */
export const MAIN_JS = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** Settings of one relay process. */
export interface RelayProcessOptions {
  /** Without it: SQLite in `dataDir` (one instance). */
  databaseUrl?: string;
  schema?: string;
  redisUrl?: string;
  redisPrefix?: string;
  /** SQLite's directory; defaults to a fresh one beside the log. Kept across restarts. */
  dataDir?: string;
  /** DATABASE_TIMEOUT_MS; short in failure tests. */
  databaseTimeoutMs?: number;
  port?: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Extra environment (e.g. a shorter PING interval). */
  env?: Record<string, string>;
}

/**
 * A real relay process (`node apps/server/dist/main.js`), in PostgreSQL + Redis mode or on
 * SQLite, so that `kill -9` and SIGTERM are real. Its JSON log goes to a file of its own.
 */
export class RelayProcess {
  readonly logFile: string;
  url = '';
  httpUrl = '';
  port = 0;
  private exited: Promise<number | null> | null = null;
  private child: ChildProcess | null = null;
  private output = '';

  constructor(readonly o: RelayProcessOptions) {
    this.logFile = join(mkdtempSync(join(tmpdir(), 'trame-scaleout-')), 'relay.log');
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  /** Starts the process and resolves once it listens. */
  async start(): Promise<this> {
    if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [MAIN_JS], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(this.o.port ?? this.port ?? 0),
        HOST: '127.0.0.1',
        DATA_DIR: this.o.dataDir ?? join(this.logFile, '..', 'data'),
        LOG_FILE: this.logFile,
        LOG_LEVEL: this.o.logLevel ?? 'info',
        ...(this.o.databaseUrl
          ? {
              DATABASE_URL: this.o.databaseUrl,
              DATABASE_SCHEMA: this.o.schema ?? 'trame',
              DATABASE_TIMEOUT_MS: String(this.o.databaseTimeoutMs ?? 5000),
            }
          : {}),
        ...(this.o.redisUrl ? { REDIS_URL: this.o.redisUrl, REDIS_PREFIX: this.o.redisPrefix ?? 'trame:' } : {}),
        // The relay alone: no need to load the web app in every instance of a test.
        WEB_BUILD_DIR: join(this.logFile, '..', 'no-web-app'),
        ...this.o.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const collect = (b: Buffer): void => {
      this.output += b.toString();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const deadline = Date.now() + 20_000;
    while (!/listening on (ws:\/\/\S+\/ws)/.test(this.output)) {
      if (child.exitCode !== null) throw new Error(`relay exited (${child.exitCode}): ${this.output}`);
      if (Date.now() > deadline) throw new Error(`relay did not start: ${this.output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    this.url = /listening on (ws:\/\/\S+\/ws)/.exec(this.output)![1]!;
    this.port = Number(/:(\d+)\/ws/.exec(this.url)![1]);
    this.httpUrl = this.url.replace(/^ws/, 'http').replace(/\/ws$/, '');
    return this;
  }

  /** `kill -9`: no shutdown, no close frames, transactions cut. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /**
   * SIGTERM: graceful shutdown (clients get 4599).
   * @returns the exit code, or 'killed' when it had to be killed after 10 s
   */
  async stop(): Promise<number | null | 'killed'> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null)
      return this.child?.exitCode ?? null;
    this.child.kill('SIGTERM');
    const code = await Promise.race([this.exited, new Promise((r) => setTimeout(() => r('timeout'), 10_000))]);
    if (code !== 'timeout') return code as number | null;
    await this.kill();
    return 'killed';
  }

  async health(): Promise<{
    status: number;
    body: { ok: boolean; storage: { ok: boolean }; fanout?: { ok: boolean } };
  }> {
    const res = await fetch(`${this.httpUrl}/health`);
    return { status: res.status, body: (await res.json()) as never };
  }

  /** The process's JSON log so far. */
  log(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
  }

  /** stdout and stderr so far (for failure messages). */
  get console(): string {
    return this.output;
  }
}
