/**
 * R61: how many initial states are loading at once, per identity and in total. A loading
 * connection holds its snapshot (≤ 16 MiB, R3) and one page of its log or tail (the rest is
 * read from storage at the client's pace) until the client has read them: without a gate, n
 * clients that never read would hold n snapshots. Further loads wait their turn (a waiting
 * connection holds no state), first come first served.
 */
export class LoadGate {
  private readonly byIdentity = new Map<string, number>();
  private total = 0;
  private readonly waiting: Array<{ identity: string; go: () => void }> = [];

  constructor(
    private readonly perIdentity: number,
    private readonly overall: number,
  ) {}

  /** Resolves with the release function once `identity` may read a state. */
  acquire(identity: string): Promise<() => void> {
    return new Promise((resolve) => {
      const go = (): void => {
        this.total += 1;
        this.byIdentity.set(identity, (this.byIdentity.get(identity) ?? 0) + 1);
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.release(identity);
        });
      };
      if (this.fits(identity)) go();
      else this.waiting.push({ identity, go });
    });
  }

  /** States held now, for /metrics and tests. */
  held(): number {
    return this.total;
  }

  private fits(identity: string): boolean {
    return this.total < this.overall && (this.byIdentity.get(identity) ?? 0) < this.perIdentity;
  }

  private release(identity: string): void {
    this.total -= 1;
    const n = (this.byIdentity.get(identity) ?? 1) - 1;
    if (n <= 0) this.byIdentity.delete(identity);
    else this.byIdentity.set(identity, n);
    for (let i = 0; i < this.waiting.length; i++) {
      const w = this.waiting[i]!;
      if (!this.fits(w.identity)) continue;
      this.waiting.splice(i, 1);
      w.go();
      i -= 1;
    }
  }
}
