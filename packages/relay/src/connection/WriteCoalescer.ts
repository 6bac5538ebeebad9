/** The part of a net.Socket the coalescer uses. */
export interface Corkable {
  cork(): void;
  uncork(): void;
}

/**
 * Holds the writes made to each socket during one turn of the event loop and releases them
 * together after it (`setImmediate` runs right after the poll phase), so a connection that is
 * sent several frames in one turn — forwards of frames read together under load, an ACK and
 * a forward — costs one system call instead of one per frame. A lone frame waits only for the
 * rest of the turn, microseconds, so typing latency does not change.
 */
export class WriteCoalescer {
  private readonly corked = new Set<Corkable>();
  private scheduled = false;

  /** Corks `socket` until the end of this turn (once per turn). */
  hold(socket: Corkable): void {
    if (this.corked.has(socket)) return;
    socket.cork();
    this.corked.add(socket);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.release());
    }
  }

  /** Uncorks every held socket now. */
  release(): void {
    this.scheduled = false;
    for (const socket of this.corked) socket.uncork();
    this.corked.clear();
  }
}
