// Starts the real Trame server for the browser tests: builds what is missing (turbo replays its
// cache when nothing changed), then runs apps/server/dist/main.js with DATA_DIR and LOG_FILE in
// the test run's temporary directory, and copies the server's own output to server.log there,
// so that the blind-relay test can read every byte the server wrote.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const dir = process.env.TRAME_E2E_DIR;
if (!dir) throw new Error('TRAME_E2E_DIR is not set (run through playwright.config.ts)');

if (!process.env.TRAME_E2E_SKIP_BUILD) {
  const build = spawnSync(
    'npx',
    ['turbo', 'run', 'build', '--filter=@trame/server', '--filter=@trame/web', '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const log = createWriteStream(join(dir, 'server.log'), { flags: 'a' });
const server = spawn(process.execPath, [join(root, 'apps/server/dist/main.js')], {
  cwd: root,
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    DATA_DIR: join(dir, 'data'),
    LOG_FILE: join(dir, 'relay.log'),
    LOG_LEVEL: 'debug',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
server.stdout.pipe(log);
server.stderr.pipe(log);
server.stderr.pipe(process.stderr);
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
