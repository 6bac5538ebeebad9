/**
 * R73: a STALE_EPOCH on a frame at our epoch means the relay knows a newer one: reload once to
 * fetch its ROTATE. A second time at the same epoch, the relay is behind us (a rollback): the
 * edits are held here, reported, instead of reloading in a loop.
 */
export class EpochReloadGuard {
  /** The space epoch at which a STALE_EPOCH already made us reload. */
  private reloadedAt = -1;

  /** Whether a STALE_EPOCH at space epoch `epoch` may reload (true once per epoch). */
  mayReload(epoch: number): boolean {
    if (this.reloadedAt === epoch) return false;
    this.reloadedAt = epoch;
    return true;
  }
}
