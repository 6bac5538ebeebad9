import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * A second real server (relay and app, SQLite in its own temporary directory) that a test may
 * stop and start again, unlike the shared one Playwright runs. It listens on the next port
 * after the shared server's; the build is the one the shared server uses.
 */
export class OwnServer {
  readonly port = Number(process.env.TRAME_E2E_PORT ?? 8791) + 1;
  readonly baseURL = `http://127.0.0.1:${this.port}`;
  private readonly dir = mkdtempSync(join(tmpdir(), 'trame-e2e-own-'));
  private child: ChildProcess | null = null;

  async start(): Promise<void> {
    mkdirSync(join(this.dir, 'data'), { recursive: true });
    this.child = spawn(process.execPath, [join(root, 'apps/server/dist/main.js')], {
      cwd: root,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(this.port),
        DATA_DIR: join(this.dir, 'data'),
        LOG_FILE: join(this.dir, 'relay.log'),
      },
      stdio: 'ignore',
    });
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${this.baseURL}/health`)).ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`own server did not start on ${this.port}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }

  async dispose(): Promise<void> {
    await this.stop();
    if (!process.env.TRAME_E2E_KEEP) rmSync(this.dir, { recursive: true, force: true });
  }
}
