import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * R90: recovery backups as opaque files, `<dataDir>/backups/<id>.bin` (id: 64 hex characters),
 * written atomically (temporary file, then rename). One write per id at a time. A PostgreSQL
 * deployment with several instances needs this directory shared between them (docs/deploy.md).
 */
export class FileBackupStore {
  private readonly dir: string;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'backups');
  }

  async get(id: string): Promise<Buffer | null> {
    return readFile(this.path(id)).catch(() => null);
  }

  /** Stores `body` unless the stored one has a version ≥ `version`; false then (R92). */
  put(id: string, body: Uint8Array, version: number, versionOf: (b: Uint8Array) => number): Promise<boolean> {
    const run = (this.queues.get(id) ?? Promise.resolve()).then(async () => {
      const current = await this.get(id);
      if (current && versionOf(current) >= version) return false;
      await mkdir(this.dir, { recursive: true });
      const tmp = `${this.path(id)}.${process.pid}.tmp`;
      await writeFile(tmp, body);
      await rename(tmp, this.path(id));
      return true;
    });
    const settled = run.catch(() => {});
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return run;
  }

  private path(id: string): string {
    return join(this.dir, `${id}.bin`);
  }
}
