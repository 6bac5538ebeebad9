/** A one-shot barrier for staging races: `wait()` blocks until `open()`; `reached` says someone waits. */
export class Gate {
  private release!: () => void;
  private signal!: () => void;
  private readonly opened = new Promise<void>((resolve) => (this.release = resolve));
  /** Resolves once `wait()` was called. */
  readonly reached = new Promise<void>((resolve) => (this.signal = resolve));

  wait(): Promise<void> {
    this.signal();
    return this.opened;
  }

  open(): void {
    this.release();
  }
}
