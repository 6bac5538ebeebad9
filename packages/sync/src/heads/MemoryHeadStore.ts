import type { DocumentHeads, HeadStore } from './HeadStore.js';

/** A HeadStore that lives as long as the page or process. */
export class MemoryHeadStore implements HeadStore {
  private readonly map = new Map<string, DocumentHeads>();

  get(key: string): DocumentHeads | undefined {
    const h = this.map.get(key);
    return h && { ...h, clocks: { ...h.clocks } };
  }

  set(key: string, heads: DocumentHeads): void {
    this.map.set(key, { ...heads, clocks: { ...heads.clocks } });
  }
}
