import type { LocalCache } from '../cache/LocalCache.js';
import type { DocumentHeads, HeadStore } from './HeadStore.js';
import { MemoryHeadStore } from './MemoryHeadStore.js';

const KEY = 'heads';
const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * A HeadStore kept in the device cache, so that rollback detection (R42) survives a reload.
 * Reads are served from memory; writes go through to the cache, coalesced.
 */
export class PersistentHeadStore implements HeadStore {
  private readonly memory = new MemoryHeadStore();
  private readonly all: Record<string, DocumentHeads> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;

  private constructor(private readonly cache: LocalCache) {}

  static async load(cache: LocalCache): Promise<PersistentHeadStore> {
    const store = new PersistentHeadStore(cache);
    const bytes = await cache.get(KEY).catch(() => undefined);
    if (bytes) {
      try {
        const parsed = JSON.parse(dec.decode(bytes)) as Record<string, DocumentHeads>;
        for (const [k, h] of Object.entries(parsed)) store.set(k, h, false);
      } catch {
        /* unreadable: start empty */
      }
    }
    return store;
  }

  get(key: string): DocumentHeads | undefined {
    return this.memory.get(key);
  }

  set(key: string, heads: DocumentHeads, persist = true): void {
    this.memory.set(key, heads);
    this.all[key] = heads;
    if (persist) this.timer ??= setTimeout(() => void this.flush(), 200);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.cache.set(KEY, enc.encode(JSON.stringify(this.all))).catch(() => undefined);
  }
}
