import { mustSign, type SignaturePolicy } from './mustSign.js';

/**
 * R51 for one writer: decides which UPDATE carries a signature and, after an unsigned one, asks
 * for a signed checkpoint within `everyMs` even when the author stops writing (`onCheckpoint`).
 */
export class SignatureSchedule {
  /** UPDATEs sent unsigned since the last signed one, and when that was. */
  private unsignedSince = 0;
  private lastSignedAt = 0;
  private signNext = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly policy: SignaturePolicy,
    private readonly onCheckpoint: () => void,
  ) {}

  /** Whether unsigned UPDATEs wait for a signature that vouches for them. */
  get owesSignature(): boolean {
    return this.unsignedSince > 0;
  }

  /** Whether the next UPDATE, sealed at `now`, is signed. */
  shouldSign(now: number): boolean {
    return this.signNext || mustSign(this.unsignedSince, this.lastSignedAt, now, this.policy);
  }

  /** Records an UPDATE sealed at `now`. */
  sealed(signed: boolean, now: number): void {
    if (signed) {
      this.unsignedSince = 0;
      this.lastSignedAt = now;
      this.signNext = false;
      this.clearTimer();
      return;
    }
    this.unsignedSince++;
    this.later(this.policy.everyMs);
  }

  /** The checkpoint could not go out yet (an UPDATE is in flight): the next one is signed; retry soon. */
  deferCheckpoint(): void {
    this.signNext = true;
    this.later(100);
  }

  /** The checkpoint is being sent now: it must be signed. */
  checkpointNow(): void {
    this.signNext = true;
  }

  destroy(): void {
    this.clearTimer();
  }

  private later(ms: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      if (this.unsignedSince > 0) this.onCheckpoint();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
