import { CloseCode } from '@trame/protocol';
import type { LiveFrame } from '../hub/LiveFrame.js';
import type { Peer } from '../hub/Peer.js';
import type { Fanout, FanoutHealth, FanoutHost } from './Fanout.js';

/**
 * The single-process fan-out: frames go straight to this relay's other connections, inside
 * the queue that committed them, so they are delivered in commit order with nothing else to do.
 */
export class InProcessFanout implements Fanout {
  readonly kind = 'in-process';
  private host: FanoutHost | null = null;

  attach(host: FanoutHost): void {
    if (this.host) throw new Error('this fan-out already serves a relay');
    this.host = host;
  }

  private get h(): FanoutHost {
    if (!this.host) throw new Error('fan-out not attached to a relay');
    return this.host;
  }

  checkWritable(): void {}

  async join(): Promise<void> {}

  async settle(): Promise<void> {}

  publishDocument(spaceKey: string, docKey: string, frame: LiveFrame, _seq: number | undefined, origin: Peer): void {
    for (const peer of this.h.documentPeers(spaceKey, docKey)) if (peer !== origin) peer.deliver(frame);
  }

  publishEphemeral(spaceKey: string, docKey: string, frame: LiveFrame, origin: Peer): void {
    for (const peer of this.h.documentPeers(spaceKey, docKey)) if (peer !== origin) peer.deliver(frame);
  }

  publishMembership(spaceKey: string, frame: LiveFrame, lostAccess: readonly string[], origin: Peer): void {
    const peers = this.h.spacePeers(spaceKey);
    for (const peer of peers) if (peer !== origin) peer.deliver(frame);
    if (lostAccess.length === 0) return;
    const lost = new Set(lostAccess);
    for (const peer of peers) if (lost.has(peer.identityKey)) peer.close(CloseCode.Forbidden, 'NOT_A_MEMBER');
  }

  async health(): Promise<FanoutHealth> {
    return { ok: true, kind: this.kind };
  }

  async close(): Promise<void> {}
}
