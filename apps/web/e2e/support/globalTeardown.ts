import { rmSync } from 'node:fs';

/**
 * Deletes the run's temporary directory (the server's DATA_DIR, its logs, the canaries) once
 * every test is done. `TRAME_E2E_KEEP=1` keeps it, to look at what the relay stored.
 */
export default function globalTeardown(): void {
  const dir = process.env.TRAME_E2E_DIR;
  if (!dir || process.env.TRAME_E2E_KEEP) return;
  rmSync(dir, { recursive: true, force: true });
}
