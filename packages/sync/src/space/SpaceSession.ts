import {
  errorCodeFromNumber,
  FrameKind,
  INVITE_DEFAULT_SECONDS,
  MembershipAction,
  Role,
  shouldRetryClose,
  TrameError,
  ZERO_HASH,
  bytesEqual,
  decodeFrame,
  toHex,
  type Frame,
  type MembershipFrame,
} from '@trame/protocol';
import {
  generateSpaceKey,
  identityFromSeed,
  keyCommitment,
  randomBytes,
  sealKeyBundle,
  sha256,
  signMembershipEntry,
  type Identity,
} from '@trame/crypto';
import { ObservableV2 } from 'lib0/observable';
import { reconnectDelay } from '../connection/reconnectDelay.js';
import { RelayConnection } from '../connection/RelayConnection.js';
import { defaultWebSocket, type WebSocketConstructor } from '../connection/WebSocketLike.js';
import { encodeInviteToken } from './inviteToken.js';
import type { MembershipPin } from './MembershipPin.js';
import { SpaceState, type PendingInviteInfo, type SpaceMember } from './SpaceState.js';
import type { LocalCache } from '../cache/LocalCache.js';
import { decodeEntryList, encodeEntryList } from './entryList.js';
import { grantDraft, rotateDraft, type EntryDraft } from './entryDrafts.js';
import { AppendQueue } from './AppendQueue.js';
import { acceptInvite } from './acceptInvite.js';
import type { InvitePreview } from './InvitePreview.js';
import type { InviteSessionPort } from './InviteSessionPort.js';
import { previewInvite } from './previewInvite.js';
import type { SpaceSessionOptions } from './SpaceSessionOptions.js';
import { deviceAddDraft, deviceRemoveDraft, renewAfterRemovalDraft } from './deviceDrafts.js';

export type SpaceStatus = 'connecting' | 'connected' | 'offline' | 'closed';

type SpaceEvents = {
  membership: (members: SpaceMember[]) => void;
  /** This identity is no longer a member (removed, or its invite was used): drop local copies. */
  removed: () => void;
  status: (status: SpaceStatus) => void;
  error: (error: TrameError) => void;
  /** R70: the space moved to a new key epoch (a member was removed, or keys were renewed). */
  rotated: (epoch: number) => void;
  /** R39: the verified head moved; save this pin in the encrypted profile. */
  pin: (pin: MembershipPin) => void;
};

/**
 * A space-level connection (docId zeros): keeps the verified membership log and keys of one
 * space (assembly or atelier) and appends entries to it. Documents of the space are opened
 * with {@link openDocument} on top of it.
 */
export class SpaceSession extends ObservableV2<SpaceEvents> {
  readonly state: SpaceState;
  private conn: RelayConnection | null = null;
  private readonly WS: WebSocketConstructor;
  private readonly appends: AppendQueue;
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
    pin: MembershipPin | null = null,
  ) {
    super();
    this.WS = WebSocketImpl ?? defaultWebSocket();
    this.state = new SpaceState(spaceId, identity, pin);
    this.createPending = create;
    this.appends = new AppendQueue({
      state: this.state,
      identity,
      sink: () => (this.conn?.ready && this.status === 'connected' ? this.conn : null),
    });
    // MEMBERSHIP-8: a peer's frame showed a longer log than ours: ask the relay again (at most
    // every 5 s; a relay that keeps withholding only delays us, and forks are caught by checkView).
    let lastFetch = 0;
    this.state.on('behind', () => {
      const now = Date.now();
      if (now - lastFetch < 5000 || this.status !== 'connected' || this.appends.busy || !this.conn) return;
      lastFetch = now;
      const old = this.conn;
      this.conn = null;
      old.close(1000, 'fetching newer membership entries');
      this.connect();
    });
    let wasMember = false;
    this.state.on('keyRefused', (e) => this.emit('error', [e]));
    let epoch = this.state.epoch;
    this.state.on('change', () => {
      if (this.state.epoch !== epoch) {
        epoch = this.state.epoch;
        this.emit('rotated', [epoch]);
      }
      // An entry that lost a race waits for the head to move (R70).
      this.appends.headMoved();
      this.emit('membership', [this.members()]);
      void this.saveLog();
      const current = this.state.pin;
      if (current) this.emit('pin', [current]);
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

  /**
   * Creates a new space with this identity as its first admin (R30), or, on a linked device
   * (`o.person`), with the person as its first admin and this device as hers (R122).
   */
  static async create(o: SpaceSessionOptions): Promise<SpaceSession> {
    const spaceId = randomBytes(16);
    const key = generateSpaceKey();
    const bundle = new Map([[0, key]]);
    const session = new SpaceSession(o.relayUrl, o.identity, spaceId, o.WebSocketImpl, true, o.cache);
    session.connect();
    // R122: on a linked device the person is the creator and this device hers, both sealed to.
    const person = o.person ?? null;
    const creator = person?.key ?? o.identity.publicKey;
    const recipients = person ? [person.key, o.identity.publicKey] : [o.identity.publicKey];
    const genesis = signMembershipEntry(
      {
        spaceId,
        seq: 0,
        prevHash: ZERO_HASH,
        signer: o.identity.publicKey,
        action: MembershipAction.Genesis,
        subject: creator,
        role: Role.Admin,
        epoch: 0,
        keyCommit: keyCommitment(key, spaceId, 0),
        sealedKeys: recipients.map((recipient) => ({
          recipient,
          sealed: sealKeyBundle({ spaceId, seq: 0, recipient, epoch: 0 }, bundle),
        })),
        ...(person ? { deviceChain: person.chain } : {}),
      },
      o.identity,
    );
    try {
      await session.whenReady();
      await session.appends.append(genesis, 0);
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
    const session = new SpaceSession(o.relayUrl, o.identity, o.spaceId, o.WebSocketImpl, false, o.cache, o.pin ?? null);
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

  /** R39: what an invite link grants and who made it; see {@link previewInvite}. */
  static previewInvite(
    o: Omit<SpaceSessionOptions, 'identity' | 'cache' | 'pin'> & { invite: string },
  ): Promise<InvitePreview> {
    return previewInvite(o, SpaceSession.invitePort());
  }

  /** Joins a space through an invite link's token (R35, R39); see {@link acceptInvite}. */
  static acceptInvite(o: SpaceSessionOptions & { invite: string }): Promise<SpaceSession> {
    return acceptInvite(o, SpaceSession.invitePort());
  }

  /** What the invite flows need of this class. */
  private static invitePort(): InviteSessionPort<SpaceSession> {
    return {
      connect: (c) => {
        const session = new SpaceSession(c.relayUrl, c.identity, c.spaceId, c.WebSocketImpl, false, undefined, c.pin);
        session.connect();
        return session;
      },
      append: (session, raw, seq) => session.appends.append(raw, seq),
      open: (o) => SpaceSession.open(o),
    };
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

  /** The current key epoch (R70: each ROTATE opens the next one). */
  get epoch(): number {
    return this.state.epoch;
  }

  /** R39: the pin to keep in the encrypted profile (also sent as the `pin` event). */
  get pin(): MembershipPin | null {
    return this.state.pin;
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

  /** R97: the person a key acts for (its own key for a member, its person's for a linked device). */
  personOf(id: string): string | null {
    return this.state.personOf(id);
  }

  /** R97: a person's linked devices (hex), the person key not included. */
  devicesOf(person: string): string[] {
    return this.state.devicesOf(person);
  }

  /** Adds a member with a role and seals every space key to them (R32, R71). */
  async addMember(publicKey: Uint8Array, role: Role): Promise<void> {
    await this.appendNext(grantDraft(MembershipAction.Add, publicKey, role));
  }

  async setRole(publicKey: Uint8Array, role: Role): Promise<void> {
    await this.appendNext((state) => ({
      action: MembershipAction.SetRole,
      subject: publicKey,
      role,
      epoch: state.epoch,
      sealedKeys: [],
    }));
  }

  /**
   * Removes a member or revokes a pending invite, and renews the keys in the same entry
   * (ROTATE, R70): what is written next is sealed under a key the removed identity never gets.
   * The relay closes their connections at once (R33). Leaving (removing oneself) is a REMOVE.
   */
  async removeMember(publicKey: Uint8Array): Promise<void> {
    if (bytesEqual(publicKey, this.identity.publicKey)) {
      await this.appendNext((state) => ({
        action: MembershipAction.Remove,
        subject: publicKey,
        role: Role.None,
        epoch: state.epoch,
        sealedKeys: [],
      }));
      return;
    }
    await this.rotateKeys({ remove: publicKey });
  }

  /**
   * R94 (DEVICES-1): links another device of this person to the space: a DEVICE_ADD with every
   * space key this device holds sealed to the new device key. Resolves once stored (an already
   * linked device: at once). The new device then authenticates with its own key (R98).
   */
  async addDevice(devicePublicKey: Uint8Array): Promise<void> {
    await this.appendNext(deviceAddDraft(devicePublicKey));
  }

  /**
   * R95/R96 (DEVICES-2): cuts a device off: DEVICE_REMOVE (the relay closes its connections and
   * refuses its AUTH, R33, R98), then, in the same append queue, a ROTATE sealed to every key
   * holder left, so nothing written from now on opens with what the device kept. Resolves with
   * the new epoch once both are stored. Signed by this device: another device of the person,
   * the person key, or an animateur.
   */
  async removeDevice(deviceKey: Uint8Array): Promise<number> {
    // A retry after the removal went through still renews the keys (the rotation stays owed).
    const person = this.state.personOf(toHex(deviceKey)) ?? this.state.myPerson;
    const removed = this.appendNext(deviceRemoveDraft(deviceKey));
    const renewed =
      person === null ? Promise.resolve(new Uint8Array(0)) : this.appendNext(renewAfterRemovalDraft(person));
    await Promise.all([removed, renewed]);
    return this.state.epoch;
  }

  /**
   * R70 (MEMBERSHIP-4): starts a new key epoch, sealed to every member and pending invite, and
   * removes `remove` (a member or an invite identity) in the same entry; without it, renews the
   * keys by hand ("Renouveler les clés": a lost or suspect device). Documents move to the new
   * key when a writer next opens them (R73). If another animateur appends first, the entry is
   * rebuilt on the new head (new member set, new key), never re-signed. Resolves with the new
   * epoch once the relay stored it.
   */
  async rotateKeys(o: { remove?: Uint8Array } = {}): Promise<number> {
    await this.appendNext(rotateDraft(o.remove ?? null));
    return this.state.epoch;
  }

  /**
   * Creates an invite (R35) and returns the token to put after `#` in a link. The secret never
   * reaches the relay: only the invite identity's public key and a sealed key bundle do. The
   * bundle is also wrapped under a random secret given to the relay outside the signed entry
   * (R75, R76): the relay hands it only to the invite identity and deletes it when the invite
   * ends, so an old link with a later copy of the relay's storage opens nothing (MEMBERSHIP-3).
   * Expiry: 7 days unless given; 'never' is refused for animateur invites (R77).
   */
  async createInvite(o: { role: Role; expiresAt?: Date | 'never' }): Promise<string> {
    const expiresAt =
      o.expiresAt === 'never'
        ? 0
        : o.expiresAt
          ? Math.floor(o.expiresAt.getTime() / 1000)
          : Math.floor(Date.now() / 1000) + INVITE_DEFAULT_SECONDS;
    if (o.role === Role.Admin && expiresAt === 0) {
      throw new TrameError('INVALID_MEMBERSHIP', 'an animateur invite must expire (R77)');
    }
    const seed = randomBytes(32);
    const invitee = identityFromSeed(seed);
    const raw = await this.appendNext(grantDraft(MembershipAction.Invite, invitee.publicKey, o.role, expiresAt));
    const inviteSeq = (decodeFrame(raw) as MembershipFrame).seq;
    return encodeInviteToken({ spaceId: this.spaceId, seed, inviteSeq, inviteHash: sha256(raw) });
  }

  /** Pending invites (role, expiry, inviter), for the members page. */
  pendingInvites(): PendingInviteInfo[] {
    return this.state.pendingInvites();
  }

  /**
   * Revokes a pending invite and renews the keys in one entry (ROTATE of the invite identity,
   * R70): the link's holder may have opened the bundle while it was pending, so what is written
   * next is under a key it never had (MEMBERSHIP-3). The relay deletes the invite's wrap secrets
   * in the same transaction (R78) and closes the link holder's connection.
   */
  async revokeInvite(publicKey: Uint8Array): Promise<void> {
    await this.rotateKeys({ remove: publicKey });
  }

  /**
   * MEMBERSHIP-3: an animateur's client renews the keys for every invite that expired unused
   * (relay clock aside, by this device's clock), removing it from the log in the same ROTATE.
   * Run when the space connects; another animateur doing it first makes it a no-op.
   */
  async retireExpiredInvites(nowSeconds = Math.floor(Date.now() / 1000)): Promise<number> {
    if (this.myRole !== Role.Admin) return 0;
    const expired = this.pendingInvites().filter((i) => i.expiresAt !== 0 && i.expiresAt < nowSeconds);
    for (const i of expired) await this.rotateKeys({ remove: i.publicKey });
    return expired.length;
  }

  /**
   * Retries at once if waiting between two connection attempts (the browser reports it is
   * back online); otherwise does nothing.
   */
  retryNow(): void {
    if (!this.retryTimer || this.closedByUser) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect();
  }

  /** Resolves once the connection delivered the initial log (READY). */
  whenReady(): Promise<void> {
    if (this.conn?.ready && this.status === 'connected') return Promise.resolve();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  close(): void {
    this.closedByUser = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.appends.destroy();
    this.conn?.close(1000, 'client closed');
    this.conn = null;
    this.setStatus('closed');
    const err = new TrameError('CONNECTION_CLOSED', 'space session closed');
    this.failPending(err);
  }

  private appendNext(draft: EntryDraft): Promise<Uint8Array> {
    return this.appends.appendNext(draft);
  }

  private connect(): void {
    if (this.closedByUser || this.conn) return;
    this.setStatus(this.status === 'connected' ? 'offline' : this.status);
    this.state.restartServing();
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
      case FrameKind.InviteWrap:
        // R75: the relay hands an invite identity its wrap secrets (one per entry) before the log.
        if (bytesEqual(f.invite, this.identity.publicKey)) this.state.setInviteWrap(f.seq, f.wrap);
        return;
      case FrameKind.Membership:
        try {
          this.state.apply(f);
        } catch (e) {
          // R34/R37: a relay serving a broken log is tampering. The state stays the verified
          // prefix (SpaceState ignores what follows), so the space still opens and reads.
          this.emit('error', [e as TrameError]);
        }
        return;
      case FrameKind.Ready: {
        this.retries = 0;
        try {
          this.state.checkServed(f.membershipSeq);
        } catch (e) {
          this.emit('error', [e as TrameError]);
        }
        const refused = this.state.refused;
        if (refused && this.state.seq < 0) {
          // R39: nothing verified to work on (a pinned history the relay does not serve).
          for (const w of this.readyWaiters.splice(0)) w.reject(refused.error);
          return;
        }
        this.setStatus('connected');
        for (const w of this.readyWaiters.splice(0)) w.resolve();
        this.appends.ready(conn);
        // MEMBERSHIP-3: invites that expired unused are retired with a key rotation.
        if (this.myRole === Role.Admin) void this.retireExpiredInvites().catch((e) => this.emit('error', [e]));
        return;
      }
      case FrameKind.Ack:
        return this.appends.onAck(f);
      case FrameKind.Error: {
        const err = new TrameError(errorCodeFromNumber(f.code), f.message);
        if (this.appends.onError(f, err)) return;
        for (const w of this.readyWaiters.splice(0)) w.reject(err);
        this.emit('error', [err]);
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
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, reconnectDelay(this.retries++));
  }

  private failPending(err: TrameError): void {
    this.appends.failAll(err);
  }

  private setStatus(s: SpaceStatus): void {
    if (this.status === s) return;
    this.status = s;
    this.emit('status', [s]);
  }
}
