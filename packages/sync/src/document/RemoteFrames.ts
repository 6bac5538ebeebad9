import * as Y from 'yjs';
import {
  bytesEqual,
  isTrameError,
  isZero,
  toHex,
  TrameError,
  ZERO_ID,
  type ReadyFrame,
  type SnapshotFrame,
  type UpdateFrame,
} from '@trame/protocol';
import { chainLink } from '@trame/crypto';
import type { SpaceState } from '../space/SpaceState.js';
import type { DocumentHeads } from '../heads/HeadStore.js';
import { authenticateUpdate, type AuthenticatedUpdate } from '../verify/authenticateUpdate.js';
import { checkChainLink } from '../verify/checkChainLink.js';
import { checkCompaction } from '../verify/checkCompaction.js';
import { checkFallbackParent } from '../verify/checkFallbackParent.js';
import { checkRemoteSnapshot } from '../verify/checkRemoteSnapshot.js';
import { checkRemoteUpdate } from '../verify/checkRemoteUpdate.js';
import { checkSeenHeads } from '../verify/checkSeenHeads.js';
import { checkTailChains } from '../verify/checkTailChains.js';
import { checkTailClocks } from '../verify/checkTailClocks.js';
import { checkUpdateContent } from '../verify/checkUpdateContent.js';
import { checkWriter } from '../verify/checkWriter.js';
import { needsRecount } from '../verify/needsRecount.js';
import { openSnapshot } from '../verify/openSnapshot.js';
import { updateUnreadable } from '../verify/updateUnreadable.js';
import { verifyInitialState } from '../verify/verifyInitialState.js';
import { servedStateEpoch } from '../rotation/servedStateEpoch.js';
import { applyAndCapture } from './applyAndCapture.js';
import type { DocumentReplica } from './DocumentReplica.js';
import { headOf } from './headOf.js';
import { withAuthor } from './withAuthor.js';

/** R57: how long a forged live frame's clock waits for its genuine frame before a reload. */
const RECOUNT_AFTER_MS = 2000;

const REMOTE = Symbol('trame-remote');

/** What the remote side asks of the engine. */
export interface RemoteFramesPort {
  report(e: TrameError): void;
  /** Reload the state from the relay. */
  resync(): void;
  /** R42/R43: the relay served a state that does not verify: stop trusting it. */
  fail(e: TrameError): void;
  /** Whether the initial state is applied and the connection live. */
  isLoaded(): boolean;
}

export interface RemoteFramesOptions {
  replica: DocumentReplica;
  space: SpaceState;
  docId: Uint8Array;
  port: RemoteFramesPort;
}

/** The initial state received before READY, and what the HELLO said this client holds (R48). */
export interface LoadingState {
  /** The latest snapshot, preceded by its parent when asked for (R53). */
  snapshots: SnapshotFrame[];
  updates: UpdateFrame[];
  knownSnapshotId: Uint8Array;
  knownTailCount: number;
}

/** What a frame applied changed in the shadow document (null: nothing to hand the editor). */
export interface Applied {
  delta: Uint8Array | null;
}

/**
 * The frames the relay serves, verified by the rules of PROTOCOL.md §8 (R40-R43, R48, R50-R55,
 * R57) and applied to the replica: the initial state, live UPDATEs and live SNAPSHOTs. Each
 * check is a pure function of verify/; this class holds what they need between frames.
 */
export class RemoteFrames {
  /** The latest snapshot could not be read: ask for its parent on the next connection (R53). */
  private wantParent = false;
  /** R57: live frames that did not authenticate, and when to check that their clocks came. */
  private heldBack: Array<{ author: string; clock: number }> = [];
  private uncounted = false;
  private recountTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly o: RemoteFramesOptions) {}

  /** What the next HELLO says this client holds (R48, R53, R57). */
  hello(): LoadingState & { withParent: boolean } {
    const knownSnapshotId = this.o.replica.current?.id ?? ZERO_ID;
    // R48: by R41 this client holds clocks 1..c of every author on its snapshot, and (R47:
    // forwards in commit order, own clocks counted at their ACK) they include the relay's
    // first Σc updates of that tail, so the relay may skip those.
    // R57: a frame held back since the last load breaks that count: ask for the whole tail.
    let knownTailCount = 0;
    if (!this.uncounted) for (const c of this.o.replica.clocks.values()) knownTailCount += c;
    return { snapshots: [], updates: [], knownSnapshotId, knownTailCount, withParent: this.wantParent };
  }

  /**
   * R41-R43, R48, R53, R55: verifies and applies an initial state. Returns the snapshot served
   * (null: none), or nothing when it was refused (`port.fail`) or must be reloaded (`port.resync`).
   */
  loadInitialState(
    loading: LoadingState,
    ready: ReadyFrame,
    heads: { durable: DocumentHeads | undefined; seen: DocumentHeads | undefined },
  ): { snapshot: SnapshotFrame | null } | undefined {
    const { snapshots, updates: all, knownSnapshotId, knownTailCount } = loading;
    const r = this.o.replica;
    this.uncounted = false;
    const snapshot = snapshots.find((x) => bytesEqual(x.snapshotId, ready.snapshotId)) ?? snapshots.at(-1) ?? null;
    // R53: asked for, the parent (none for a first snapshot) and its tail come first.
    const askedParent = this.wantParent && snapshot !== null;
    const parentId = askedParent ? snapshot.parentId : null;
    const parent = parentId ? (snapshots.find((x) => bytesEqual(x.snapshotId, parentId)) ?? null) : null;
    const onParent = (u: UpdateFrame): boolean => parentId !== null && bytesEqual(u.snapshotId, parentId);
    const updates = parentId ? all.filter((u) => !onParent(u)) : all;
    const verdict = verifyInitialState({
      known: heads.durable,
      ready,
      hello: { knownSnapshotId, knownTailCount },
      snapshot,
      updates: updates.map((u) => ({ author: toHex(u.author), clock: u.clock, snapshotId: u.snapshotId })),
      current: r.current,
      clocks: r.clocks,
    });
    if (!verdict.ok) return void this.o.port.fail(verdict.error);
    r.docEpoch = servedStateEpoch(snapshot, updates, r.docEpoch);
    if (snapshot) {
      const plain = this.openSnapshot(snapshot, false);
      if (isTrameError(plain)) {
        // R53: fall back to the parent and the tails; the relay keeps them until a replacement.
        if (!askedParent) {
          this.wantParent = true;
          this.o.port.report(plain);
          return void this.o.port.resync();
        }
        if (!parent && !isZero(snapshot.parentId)) return void this.o.port.fail(plain);
        const fallback = this.applyParent(snapshot, parent, all.filter(onParent));
        if (fallback) return void this.o.port.fail(fallback);
        this.o.port.report(plain);
        r.replaceSnapshot = true;
      } else {
        Y.applyUpdate(r.shadow, plain, REMOTE);
        r.replaceSnapshot = false;
      }
      r.current = headOf(snapshot);
    }
    this.wantParent = false;
    const suspected = checkSeenHeads(heads.seen, toHex(ready.snapshotId), ready.snapshotHeight, verdict.served);
    // R55: less than seen (not durable) is used, and reported; clocks follow what is served.
    if (suspected) this.o.port.report(suspected);
    if (!verdict.keepClocks || suspected) r.resetChains();
    this.applyTail(updates);
    return { snapshot };
  }

  /** R41, R50, R52, R57 for a live UPDATE; nothing when it was refused (reported). */
  receiveUpdate(f: UpdateFrame): Applied | undefined {
    const r = this.o.replica;
    const author = toHex(f.author);
    const verdict = checkRemoteUpdate(
      { author, clock: f.clock, snapshotId: f.snapshotId },
      r.currentId,
      r.clockOf(author),
    );
    if (verdict.action !== 'apply') {
      this.o.port.report(verdict.error);
      if (verdict.action === 'resync') this.o.port.resync();
      return undefined;
    }
    if (!r.current) r.docEpoch = Math.min(r.docEpoch ?? f.epoch, f.epoch);
    return { delta: this.applyRemoteUpdate(f, true) };
  }

  /**
   * R43, R53, R54 for a live SNAPSHOT; nothing when it was ignored, refused or reloads.
   * `unsaved`: local edits wait for an ACK (R54 cannot judge then).
   */
  receiveSnapshot(f: SnapshotFrame, unsaved: boolean): Applied | undefined {
    const r = this.o.replica;
    const verdict = checkRemoteSnapshot(f, r.current);
    if (verdict.action === 'ignore') return undefined;
    if (verdict.action === 'resync') {
      this.o.port.report(verdict.error);
      return void this.o.port.resync();
    }
    if (verdict.action === 'fail') return void this.o.port.fail(verdict.error);
    let plain = this.openSnapshot(f, true);
    if (!isTrameError(plain)) {
      const held = { shadow: r.shadow, clocks: r.clocks, owners: r.yjsOwners, unsaved };
      plain = checkCompaction({ author: toHex(f.author), clocks: f.clocks }, plain, held);
    }
    let delta: Uint8Array | null = null;
    if (isTrameError(plain)) {
      // R53: this client holds the parent and the tail: keep them, build on the new snapshot
      // (its id is what the relay orders by), and publish a readable replacement.
      this.o.port.report(plain);
      r.replaceSnapshot = true;
    } else {
      // A snapshot compacts updates this client has mostly applied already: hand the editor only
      // what it changed (usually nothing), not the whole document state again.
      delta = applyAndCapture(r.shadow, plain, REMOTE);
      r.replaceSnapshot = false;
    }
    r.current = headOf(f);
    r.docEpoch = f.epoch;
    r.resetChains();
    return { delta };
  }

  destroy(): void {
    if (this.recountTimer) clearTimeout(this.recountTimer);
  }

  /** R40/R74, MEMBERSHIP-5 for a frame's author. */
  private writerError(author: string, epoch: number, live: boolean): TrameError | null {
    return checkWriter(this.o.space, author, epoch, live);
  }

  /** R39a (MEMBERSHIP-8): a verified frame's view of the log must agree with ours, live or loaded. */
  private checkView(f: UpdateFrame | SnapshotFrame): void {
    const fork = this.o.space.checkView(f);
    if (fork) this.o.port.report(fork);
  }

  /** R40 + R53: the snapshot's plaintext, or SNAPSHOT_UNREADABLE naming its author. */
  private openSnapshot(f: SnapshotFrame, live: boolean): Uint8Array | TrameError {
    return openSnapshot(f, {
      writerError: () => this.writerError(toHex(f.author), f.epoch, live),
      key: () => this.o.space.docKey(f.epoch, this.o.docId),
      checkView: () => this.checkView(f),
    });
  }

  /**
   * R53: applies the parent of an unreadable snapshot and the parent's tail, after checking
   * that the snapshot chains to that parent (R24) and the tail's clocks (R41). Returns the
   * error that makes the fallback impossible, if any.
   */
  private applyParent(
    snapshot: SnapshotFrame,
    parent: SnapshotFrame | null,
    tail: readonly UpdateFrame[],
  ): TrameError | null {
    const fork = checkFallbackParent(snapshot, parent ? headOf(parent) : null);
    if (fork) return fork;
    const plain = parent ? this.openSnapshot(parent, false) : null;
    if (isTrameError(plain)) return plain;
    const clocks = checkTailClocks(
      tail.map((u) => ({ author: toHex(u.author), clock: u.clock, snapshotId: u.snapshotId })),
      snapshot.parentId,
      null,
    );
    if (!clocks.ok) return clocks.error;
    if (plain) Y.applyUpdate(this.o.replica.shadow, plain, REMOTE);
    this.o.replica.resetChains();
    this.applyTail(tail);
    return null;
  }

  /**
   * R50/R51 at load: the tail's chains are checked as a whole first, so that unsigned updates a
   * later signature cannot vouch for (a broken chain) are never applied.
   */
  private applyTail(updates: readonly UpdateFrame[]): void {
    const r = this.o.replica;
    const fresh = updates
      .filter((u) => r.clockOf(toHex(u.author)) < u.clock)
      .map((u) => ({ u, opened: this.authenticate(u, false), link: chainLink(u.body) }));
    const chains = checkTailChains(
      fresh.map(({ u, link }) => ({
        author: toHex(u.author),
        clock: u.clock,
        prevLink: u.prevLink,
        link,
        signed: u.signed,
      })),
      r.links,
    );
    for (const e of chains.errors) this.o.port.report(e);
    // One Yjs transaction for the whole tail: its cleanup and observers run once, not once per
    // update (a cold open of a 137k-update history spent a second in them, issue 11).
    r.shadow.transact(() => {
      fresh.forEach(({ u, opened, link }, i) => {
        if (!chains.skip.has(i)) return void this.applyRemoteUpdate(u, false, opened, link);
        r.clocks.set(toHex(u.author), u.clock);
        r.links.set(toHex(u.author), link);
      });
    }, REMOTE);
  }

  /** R57: a live frame not counted; if the genuine one does not follow soon, reload the tail. */
  private holdBack(author: string, clock: number): void {
    this.heldBack.push({ author, clock });
    this.uncounted = true;
    this.recountTimer ??= setTimeout(() => {
      this.recountTimer = null;
      const held = this.heldBack.splice(0);
      if (this.o.port.isLoaded() && needsRecount(held, this.o.replica.clocks)) this.o.port.resync();
    }, RECOUNT_AFTER_MS);
  }

  /** R57 + R40: whether the author really sent it, and its plaintext if it passes every check. */
  private authenticate(f: UpdateFrame, live: boolean): AuthenticatedUpdate {
    const author = toHex(f.author);
    return authenticateUpdate(f, {
      writerError: () => this.writerError(author, f.epoch, live),
      key: () => this.o.space.docKey(f.epoch, this.o.docId),
    });
  }

  /**
   * Counts an ordered UPDATE (R41) and its chain link (R50) once it authenticates (R57: a live
   * frame forged under an author's next clock must not burn it; in a loaded tail the relay holds
   * one frame per clock, which counts), then applies it unless it fails a check: one member's
   * unreadable update must not make the document unreadable for everyone, so it is reported and
   * skipped and its clock still counts (INTEGRITY-1). `loaded`: already authenticated, with the
   * tail's chains checked, and `link` its chain link computed there. Returns what it changed in
   * the shadow document (null inside a larger transaction: the tail's).
   */
  private applyRemoteUpdate(
    f: UpdateFrame,
    live: boolean,
    loaded?: AuthenticatedUpdate,
    link?: Uint8Array,
  ): Uint8Array | null {
    const r = this.o.replica;
    const author = toHex(f.author);
    const opened = loaded ?? this.authenticate(f, live);
    if (!opened.counts && !loaded) {
      this.o.port.report(withAuthor(opened.error, author));
      this.holdBack(author, f.clock);
      return null;
    }
    const broken = loaded
      ? null
      : checkChainLink({ author, clock: f.clock, prevLink: f.prevLink }, r.links.get(author));
    r.clocks.set(author, f.clock);
    r.links.set(author, link ?? chainLink(f.body));
    if (broken) {
      this.o.port.report(broken);
      return null;
    }
    const plain = checkUpdateContent(opened, { author, clock: f.clock }, r.yjsOwners, () => this.checkView(f));
    if (isTrameError(plain)) {
      this.o.port.report(plain);
      return null;
    }
    try {
      return applyAndCapture(r.shadow, plain, REMOTE);
    } catch {
      this.o.port.report(updateUnreadable(author, f.clock));
      return null;
    }
  }
}
