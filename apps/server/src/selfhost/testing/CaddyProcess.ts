import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemTool } from './systemTool.js';

/** Debian's `caddy`, or null outside CI when it is missing (the TLS tests are then skipped). */
export const CADDY = systemTool('caddy', 'caddy', 'the TLS tests');

/** The repository's `deploy/Caddyfile`, the one operators install. */
const SHIPPED = fileURLToPath(new URL('../../../../../deploy/Caddyfile', import.meta.url));

/**
 * Caddy in front of Trame, on loopback: the shipped `deploy/Caddyfile`, with its site moved to
 * `localhost` on a port chosen by the test, `tls internal` instead of a public certificate, and
 * the upstream port of the Trame under test. Its data (the internal CA) lives in a temporary
 * directory, never in the system's trust store.
 */
export class CaddyProcess {
  readonly dir = mkdtempSync(join(tmpdir(), 'trame-caddy-'));
  private child: ChildProcess | null = null;
  private output = '';

  constructor(readonly o: { httpsPort: number; httpPort: number; upstreamPort: number }) {}

  /** The root certificate of Caddy's internal CA (PEM), to trust in the test's clients. */
  rootCertificate(): string {
    return readFileSync(join(this.dir, 'data', 'pki', 'authorities', 'local', 'root.crt'), 'utf8');
  }

  get origin(): string {
    return `https://localhost:${this.o.httpsPort}`;
  }

  async start(): Promise<this> {
    const caddyfile = join(this.dir, 'Caddyfile');
    const shipped = readFileSync(SHIPPED, 'utf8');
    if (!/^trame\.example\.org \{$/m.test(shipped) || !/reverse_proxy 127\.0\.0\.1:8787$/m.test(shipped))
      throw new Error('deploy/Caddyfile changed shape: update CaddyProcess');
    const site = shipped
      .replace(/^trame\.example\.org \{$/m, `localhost:${this.o.httpsPort} {\n\ttls internal`)
      .replace(/reverse_proxy 127\.0\.0\.1:8787$/m, `reverse_proxy 127.0.0.1:${this.o.upstreamPort}`);
    writeFileSync(
      caddyfile,
      `{
\tadmin off
\tskip_install_trust
\tstorage file_system ${join(this.dir, 'data')}
\thttp_port ${this.o.httpPort}
\thttps_port ${this.o.httpsPort}
\tauto_https disable_redirects
}

${site}`,
    );
    const child = spawn(CADDY!, ['run', '--config', caddyfile, '--adapter', 'caddyfile'], {
      env: { PATH: process.env.PATH ?? '', HOME: this.dir, XDG_DATA_HOME: this.dir, XDG_CONFIG_HOME: this.dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (b: Buffer): void => {
      this.output += b.toString();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const deadline = Date.now() + 20_000;
    const root = join(this.dir, 'data', 'pki', 'authorities', 'local', 'root.crt');
    while (!(existsSync(root) && /serving initial configuration/.test(this.output))) {
      if (child.exitCode !== null) throw new Error(`caddy exited (${child.exitCode}): ${this.output}`);
      if (Date.now() > deadline) throw new Error(`caddy did not start: ${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return this;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  get console(): string {
    return this.output;
  }
}
