/**
 * One item (document, board, minutes) opened by `openEarly` before its screen has mounted
 * (issue 14: the item's cached state is read and decrypted while the route's code and the
 * layout are still on their way). The screen takes it with {@link take}; if no screen does
 * within `keepMs` (the person went elsewhere), it is given back with `close`.
 */
export class EarlyItem<T> {
  private held: { key: string; opening: Promise<T>; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(
    private readonly close: (item: T) => void,
    private readonly keepMs = 30_000,
  ) {}

  /** Holds `opening` for the screen of `key`; one item at a time (an earlier one is closed). */
  hold(key: string, opening: Promise<T>): void {
    this.drop();
    // A refusal is the screen's to report when it takes the opening; until then it is not unhandled.
    opening.catch(() => {});
    const timer = setTimeout(() => this.drop(), this.keepMs);
    this.held = { key, opening, timer };
  }

  /** The held opening if it is for `key` (once); null otherwise. */
  take(key: string): Promise<T> | null {
    const held = this.held;
    if (!held || held.key !== key) return null;
    clearTimeout(held.timer);
    this.held = null;
    return held.opening;
  }

  private drop(): void {
    const held = this.held;
    if (!held) return;
    clearTimeout(held.timer);
    this.held = null;
    held.opening.then(this.close, () => {});
  }
}
