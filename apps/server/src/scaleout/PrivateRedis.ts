import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './services.js';

/**
 * A Redis server of the test's own (the machine's `redis-server`, 127.0.0.1, no persistence),
 * so that a test can really kill and restart Redis without disturbing anyone else using the
 * shared one.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  port = 0;
  private readonly dir = mkdtempSync(join(tmpdir(), 'trame-redis-'));

  static available(): boolean {
    return spawnSync('redis-server', ['--version']).status === 0;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    if (!this.port) this.port = await freePort();
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir],
      { stdio: 'ignore' },
    );
    this.child = child;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      probe.on('error', () => {});
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return this;
      } catch {
        probe.disconnect();
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`redis-server did not start on ${this.port}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  /** SIGKILL: the server and everything it held are gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }
}
