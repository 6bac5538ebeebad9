import { spawnSync } from 'node:child_process';

/**
 * The path of `command` on the PATH (a Debian package the tests need), or null when it is
 * missing: outside CI the tests that need it are skipped with a message; in CI (`.ci/run`
 * installs it) a missing tool fails them instead of silently skipping.
 */
export function systemTool(command: string, debianPackage: string, what: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (r.status === 0) return r.stdout.trim();
  const why = `${command} is not installed (apt-get install ${debianPackage})`;
  if (process.env.CI) throw new Error(`${why}. CI must run ${what}.`);
  console.warn(`Skipping ${what}: ${why}.`);
  return null;
}
