import type { DocumentSession } from '@trame/sync';

/**
 * Someone typing tokens at the end of a shared text, and what the relay has acknowledged:
 * whenever the session reports `saved`, every token typed so far is durable (R14).
 */
export class Typist {
  readonly typed: string[] = [];
  private ackedCount = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly name: string,
    readonly session: DocumentSession,
  ) {
    session.on('status', (s) => {
      if (s === 'saved') this.ackedCount = this.typed.length;
    });
  }

  /** Tokens the relay has acknowledged (a prefix of `typed`). */
  get acked(): string[] {
    return this.typed.slice(0, this.ackedCount);
  }

  type(): void {
    const token = `<${this.name}${this.typed.length}>`;
    this.typed.push(token);
    const t = this.session.doc.getText('t');
    t.insert(t.length, token);
  }

  start(everyMs: number): void {
    this.stop();
    this.timer = setInterval(() => this.type(), everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** How many times `token` occurs in `text`. */
export function occurrences(text: string, token: string): number {
  return text.split(token).length - 1;
}
