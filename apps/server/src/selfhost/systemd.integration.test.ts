import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { systemTool } from './testing/systemTool.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const UNIT = join(ROOT, 'deploy', 'trame.service');

/** `Key=value` lines of the unit's [Service] section, in order (keys repeat). */
function serviceLines(): [string, string][] {
  const text = readFileSync(UNIT, 'utf8');
  const service = text.split(/^\[Service\]$/m)[1]!.split(/^\[/m)[0]!;
  return service
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as [string, string]);
}

describe('the systemd unit (SELFHOST-3)', () => {
  it.runIf(systemTool('systemd-analyze', 'systemd', 'the unit checks') !== null)(
    'SELFHOST-3: deploy/trame.service passes systemd-analyze verify',
    () => {
      const r = spawnSync('systemd-analyze', ['verify', UNIT], { encoding: 'utf8' });
      expect(r.stderr + r.stdout).toBe('');
      expect(r.status).toBe(0);
    },
  );

  it('SELFHOST-3: the unit is hardened, restarts on failure but not on a newer data directory, and writes only /var/lib/trame', () => {
    const lines = serviceLines();
    const get = (k: string): string[] => lines.filter(([key]) => key === k).map(([, v]) => v);
    expect(get('User')).toEqual(['trame']);
    expect(get('Restart')).toEqual(['on-failure']);
    expect(get('RestartPreventExitStatus')).toEqual(['78']);
    expect(get('NoNewPrivileges')).toEqual(['true']);
    expect(get('ProtectSystem')).toEqual(['strict']);
    expect(get('ReadWritePaths')).toEqual(['/var/lib/trame']);
    expect(get('Environment')).toContain('DATA_DIR=/var/lib/trame');
    // V8's JIT needs W^X memory: this option would make Node crash at start.
    expect(get('MemoryDenyWriteExecute')).toEqual([]);
  });

  it("SELFHOST-3: the unit's command and environment start Trame, which stops cleanly on the unit's KillSignal", async () => {
    const lines = serviceLines();
    const env: Record<string, string> = {};
    for (const [k, v] of lines) if (k === 'Environment') env[v.slice(0, v.indexOf('='))] = v.slice(v.indexOf('=') + 1);
    // Only the data directory and the port differ from production: a temporary one, any free port.
    Object.assign(env, { DATA_DIR: join(mkdtempSync(join(tmpdir(), 'trame-unit-')), 'data'), PORT: '0' });
    env.PATH = `${join(process.execPath, '..')}:${env.PATH ?? ''}`;
    const [cmd, ...args] = lines.find(([k]) => k === 'ExecStart')![1].split(/\s+/);
    const signal = lines.find(([k]) => k === 'KillSignal')![1] as NodeJS.Signals;
    const child = spawn(cmd!, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      const deadline = Date.now() + 20_000;
      while (!/health: (http:\/\/\S+\/health)/.test(out)) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const health = await fetch(/health: (http:\/\/\S+\/health)/.exec(out)![1]!);
      expect(health.status).toBe(200);
      child.kill(signal);
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
