import {
  errorCodeFromNumber,
  FrameKind,
  MembershipAction,
  Role,
  shouldRetryClose,
  TrameError,
  ZERO_HASH,
  type Frame,
} from '@trame/protocol';
import {
  encodeKeyBundle,
  generateSpaceKey,
  identityFromSeed,
  randomBytes,
  sealToIdentity,
  signMembershipEntry,
  type Identity,
} from '@trame/crypto';
import { ObservableV2 } from 'lib0/observable';
import { RelayConnection } from '../connection/RelayConnection.js';
import { defaultWebSocket, type WebSocketConstructor } from '../connection/WebSocketLike.js';
import { decodeInviteToken, encodeInviteToken } from './inviteToken.js';
import { SpaceState, type SpaceMember } from './SpaceState.js';
import type { LocalCache } from '../cache/LocalCache.js';
import { decodeEntryList, encodeEntryList } from './entryList.js';

export interface SpaceSessionOptions {
  relayUrl: string;
  identity: Identity;
  WebSocketImpl?: WebSocketConstructor;
  /**
   * Device cache (wrap it in EncryptedCache): the verified log is kept there so that the space
   * and its documents open without the relay, and re-verified on every load.
   */
  cache?: LocalCache;
}

export type SpaceStatus = 'connecting' | 'connected' | 'offline' | 'closed';

type SpaceEvents = {
  membership: (members: SpaceMember[]) => void;
  /** This identity is no longer a member (removed, or its invite was used): drop local copies. */
  removed: () => void;
  status: (status: SpaceStatus) => void;
  error: (error: TrameError) => void;
};

/** An entry's fields that depend on what it does; the rest is filled in when it is sent. */
interface EntryDraft {
  action: number;
  subject: Uint8Array;
  role: number;
  expiresAt?: number;
  sealedKeys: Array<{ recipient: Uint8Array; sealed: Uint8Array }>;
}

interface PendingAppend {
  /** Signed entry, or empty until `draft` is signed on top of the head at send time. */
  raw: Uint8Array;
  seq: number;
  draft?: EntryDraft;
  attempts?: number;
  resolve: () => void;
  reject: (e: TrameError) => void;
}

/**
 * A space-level connection (docId zeros): keeps the verified membership log and keys of one
 * space (assembly or atelier) and appends entries to it. Documents of the space are opened
 * with {@link openDocument} on top of it.
 */
export class SpaceSession extends ObservableV2<SpaceEvents> {
  readonly state: SpaceState;
  private conn: RelayConnection | null = null;
  private readonly WS: WebSocketConstructor;
  private appendQueue: PendingAppend[] = [];
  private inflight: PendingAppend | null = null;
  private readyWaiters: Array<{ resolve: () => void; reject: (e: TrameError) => void }> = [];
  private status: SpaceStatus = 'connecting';
  private closedByUser = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private createPending: boolean;

  private constructor(
    readonly relayUrl: string,
    readonly identity: Identity,
    spaceId: Uint8Array,
    WebSocketImpl: WebSocketConstructor | undefined,
    create: boolean,
    private readonly cache?: LocalCache,
  ) {
    super();
    this.WS = WebSocketImpl ?? defaultWebSocket();
    this.state = new SpaceState(spaceId, identity);
    this.createPending = create;
    let wasMember = false;
    this.state.on('change', () => {
      this.emit('membership', [this.members()]);
      void this.saveLog();
      const member = this.state.myRole !== Role.None;
      if (wasMember && !member) this.emit('removed', []);
      wasMember = member;
    });
  }

  private get cacheKey(): string {
    return `space:${this.state.spaceIdHex}`;
  }

  /** Re-verifies the cached log (R34); a cache that fails verification is ignored. */
  private async restore(): Promise<void> {
    if (!this.cache) return;
    const bytes = await this.cache.get(this.cacheKey);
    if (!bytes) return;
    try {
      for (const raw of decodeEntryList(bytes)) this.state.apply(raw);
    } catch {
      /* the relay will serve the log again */
    }
  }

  private async saveLog(): Promise<void> {
    if (!this.cache) return;
    try {
      await this.cache.set(this.cacheKey, encodeEntryList(this.state.entries));
    } catch {
      /* a full or unavailable device store only costs offline opening */
    }
  }

  /** Creates a new space with this identity as its first admin (R30). */
  static async create(o: SpaceSessionOptions): Promise<SpaceSession> {
    const spaceId = randomBytes(16);
    const key = generateSpaceKey();
    const bundle = new Map([[0, key]]);
    const session = new SpaceSession(o.relayUrl, o.identity, spaceId, o.WebSocketImpl, true, o.cache);
    session.state.addKeys(bundle);
    session.connect();
    const genesis = signMembershipEntry(
      {
        spaceId,
        seq: 0,
        prevHash: ZERO_HASH,
        signer: o.identity.publicKey,
        action: MembershipAction.Genesis,
        subject: o.identity.publicKey,
        role: Role.Admin,
        epoch: 0,
        sealedKeys: [
          { recipient: o.identity.publicKey, sealed: sealToIdentity(o.identity.publicKey, encodeKeyBundle(bundle)) },
        ],
      },
      o.identity,
    );
    try {
      await session.whenReady();
      await session.append(genesis, 0);
    } catch (e) {
      session.close();
      throw e;
    }
    session.createPending = false;
    return session;
  }

  /**
   * Opens an existing space this identity is a member of. With a cache that holds its log, it
   * resolves at once (usable offline) and catches up with the relay in the background.
   */
  static async open(o: SpaceSessionOptions & { spaceId: Uint8Array }): Promise<SpaceSession> {
    const session = new SpaceSession(o.relayUrl, o.identity, o.spaceId, o.WebSocketImpl, false, o.cache);
    await session.restore();
    session.connect();
    if (session.state.seq >= 0) return session;
    try {
      await session.whenReady();
    } catch (e) {
      session.close();
      throw e;
    }
    return session;
  }

  /**
   * Joins a space through an invite link's token (R35): connects as the invite identity,
   * appends an ACCEPT that adds `identity` with the invite's role, then opens the space as
   * `identity`. Works while no admin is online.
   */
  static async acceptInvite(o: SpaceSessionOptions & { invite: string }): Promise<SpaceSession> {
    const secret = decodeInviteToken(o.invite);
    const inviteIdentity = identityFromSeed(secret.seed);
    const asInvite = new SpaceSession(o.relayUrl, inviteIdentity, secret.spaceId, o.WebSocketImpl, false);
    asInvite.connect();
    try {
      await asInvite.whenReady();
      const invite = asInvite.state.membership.invites.get(asInvite.state.selfId);
      if (!invite) throw new TrameError('INVALID_MEMBERSHIP', 'this invite was used or revoked');
      const entry = signMembershipEntry(
        {
          spaceId: secret.spaceId,
          seq: asInvite.state.seq + 1,
          prevHash: asInvite.state.headHash,
          signer: inviteIdentity.publicKey,
          action: MembershipAction.Accept,
          subject: o.identity.publicKey,
          role: invite.role,
          epoch: asInvite.state.epoch,
          sealedKeys: [
            {
              recipient: o.identity.publicKey,
              sealed: sealToIdentity(o.identity.publicKey, encodeKeyBundle(asInvite.state.keyBundle())),
            },
          ],
        },
        inviteIdentity,
      );
      await asInvite.append(entry, asInvite.state.seq + 1);
    } finally {
      asInvite.close();
    }
    return SpaceSession.open({ ...o, spaceId: secret.spaceId });
  }

  /** The WebSocket constructor documents of this space use. */
  get WebSocketImpl(): WebSocketConstructor {
    return this.WS;
  }

  get spaceId(): Uint8Array {
    return this.state.spaceId;
  }

  get spaceIdHex(): string {
    return this.state.spaceIdHex;
  }

  get myRole(): Role {
    return this.state.myRole;
  }

  get currentStatus(): SpaceStatus {
    return this.status;
  }

  members(): SpaceMember[] {
    return this.state.members();
  }

  roleOf(id: string): Role {
    return this.state.roleOf(id);
  }

  /** Adds a member with a role and seals every space key to them (R32). */
  addMember(publicKey: Uint8Array, role: Role): Promise<void> {
    return this.appendNext({
      action: MembershipAction.Add,
      subject: publicKey,
      role,
      sealedKeys: [
        { recipient: publicKey, sealed: sealToIdentity(publicKey, encodeKeyBundle(this.state.keyBundle())) },
      ],
    });
  }

  setRole(publicKey: Uint8Array, role: Role): Promise<void> {
    return this.appendNext({ action: MembershipAction.SetRole, subject: publicKey, role, sealedKeys: [] });
  }

  /** Removes a member; the relay closes their connections at once (R33). */
  removeMember(publicKey: Uint8Array): Promise<void> {
    return this.appendNext({ action: MembershipAction.Remove, subject: publicKey, role: Role.None, sealedKeys: [] });
  }

  /**
   * Creates an invite (R35) and returns the token to put after `#` in a link. The secret never
   * reaches the relay: only the invite identity's public key and a sealed key bundle do.
   */
  async createInvite(o: { role: Role; expiresAt?: Date }): Promise<string> {
    const seed = randomBytes(32);
    const invitee = identityFromSeed(seed);
    await this.appendNext({
      action: MembershipAction.Invite,
      subject: invitee.publicKey,
      role: o.role,
      expiresAt: o.expiresAt ? Math.floor(o.expiresAt.getTime() / 1000) : 0,
      sealedKeys: [
        {
          recipient: invitee.publicKey,
          sealed: sealToIdentity(invitee.publicKey, encodeKeyBundle(this.state.keyBundle())),
        },
      ],
    });
    return encodeInviteToken({ spaceId: this.spaceId, seed });
  }

  /** Resolves once the connection delivered the initial log (READY). */
  whenReady(): Promise<void> {
    if (this.conn?.ready && this.status === 'connected') return Promise.resolve();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  close(): void {
    this.closedByUser = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.conn?.close(1000, 'client closed');
    this.conn = null;
    this.setStatus('closed');
    const err = new TrameError('CONNECTION_CLOSED', 'space session closed');
    this.failPending(err);
  }

  private appendNext(draft: EntryDraft): Promise<void> {
    // Entries chain on the head as it is when they are sent, so they are signed lazily in order.
    return new Promise((resolve, reject) => {
      this.appendQueue.push({ raw: new Uint8Array(0), seq: -1, draft, resolve, reject });
      this.pump();
    });
  }

  private append(raw: Uint8Array, seq: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.appendQueue.push({ raw, seq, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.inflight || !this.conn?.ready || this.status !== 'connected') return;
    const next = this.appendQueue.shift();
    if (!next) return;
    if (next.draft) {
      next.seq = this.state.seq + 1;
      next.raw = signMembershipEntry(
        {
          ...next.draft,
          spaceId: this.spaceId,
          seq: next.seq,
          prevHash: this.state.headHash,
          signer: this.identity.publicKey,
          epoch: this.state.epoch,
        },
        this.identity,
      );
    }
    this.inflight = next;
    this.conn.send(next.raw);
  }

  private connect(): void {
    if (this.closedByUser || this.conn) return;
    this.setStatus(this.status === 'connected' ? 'offline' : this.status);
    const conn = new RelayConnection({
      url: this.relayUrl,
      identity: this.identity,
      spaceId: this.state.spaceId,
      create: this.createPending,
      knownMembershipSeq: this.state.seq,
      WebSocketImpl: this.WS,
      onFrame: (f) => this.onFrame(conn, f),
      onClose: (code, reason) => this.onClose(conn, code, reason),
      onProtocolError: (e) => this.emit('error', [e]),
    });
    this.conn = conn;
  }

  private onFrame(conn: RelayConnection, f: Frame): void {
    if (conn !== this.conn) return;
    switch (f.kind) {
      case FrameKind.Membership:
        try {
          this.state.apply(f);
        } catch (e) {
          // R34/R37: a relay serving a broken log is tampering. The state stays the verified
          // prefix (SpaceState ignores what follows), so the space still opens and reads.
          this.emit('error', [e as TrameError]);
        }
        return;
      case FrameKind.Ready:
        this.retries = 0;
        this.setStatus('connected');
        for (const w of this.readyWaiters.splice(0)) w.resolve();
        if (this.inflight) {
          // R21: resend unchanged; the relay acknowledges a duplicate without storing it twice.
          conn.send(this.inflight.raw);
        } else this.pump();
        return;
      case FrameKind.Ack:
        if (f.ackedKind === FrameKind.Membership && this.inflight && f.number === this.inflight.seq) {
          const done = this.inflight;
          this.inflight = null;
          try {
            this.state.apply(done.raw);
            done.resolve();
          } catch (e) {
            done.reject(e as TrameError);
          }
          this.pump();
        }
        return;
      case FrameKind.Error: {
        const err = new TrameError(errorCodeFromNumber(f.code), f.message);
        if (this.inflight && (f.refKind === FrameKind.Membership || f.refKind === 0)) {
          const failed = this.inflight;
          this.inflight = null;
          if (err.code === 'MEMBERSHIP_CHAIN' && failed.draft && (failed.attempts ?? 0) < 3) {
            // Another animateur appended first; their entry has reached us: sign again on it.
            failed.attempts = (failed.attempts ?? 0) + 1;
            this.appendQueue.unshift(failed);
          } else failed.reject(err);
          this.pump();
        } else {
          for (const w of this.readyWaiters.splice(0)) w.reject(err);
          this.emit('error', [err]);
        }
        return;
      }
      default:
        return;
    }
  }

  private onClose(conn: RelayConnection, code: number, reason: string): void {
    if (conn !== this.conn) return;
    this.conn = null;
    if (this.closedByUser) return;
    if (!shouldRetryClose(code)) {
      const err = new TrameError('CONNECTION_CLOSED', `relay closed the space connection (${code} ${reason})`, {
        closeCode: code,
      });
      this.setStatus('closed');
      for (const w of this.readyWaiters.splice(0)) w.reject(err);
      this.failPending(err);
      this.emit('error', [err]);
      return;
    }
    this.setStatus('offline');
    const delay = Math.min(2500, 100 * 2 ** this.retries++);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private failPending(err: TrameError): void {
    if (this.inflight) this.inflight.reject(err);
    this.inflight = null;
    for (const p of this.appendQueue.splice(0)) p.reject(err);
  }

  private setStatus(s: SpaceStatus): void {
    if (this.status === s) return;
    this.status = s;
    this.emit('status', [s]);
  }
}
