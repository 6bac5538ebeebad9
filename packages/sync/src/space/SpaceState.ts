import {
  applyMembershipEntry,
  bytesEqual,
  decodeFrame,
  emptyMembershipState,
  FrameKind,
  Role,
  roleCanWrite,
  toHex,
  TrameError,
  type MembershipFrame,
  type MembershipState,
  MembershipAction,
  personOf,
  roleOfKey,
  devicesOf,
} from '@trame/protocol';
import {
  deriveDocKey,
  openVerifiedKeyBundle,
  sha256,
  unwrapInviteSealed,
  verify,
  verifyMembershipEntry,
  type Identity,
  type KeyBundle,
} from '@trame/crypto';
import { ObservableV2 } from 'lib0/observable';
import { checkMembershipView } from './checkMembershipView.js';
import { checkPinnedEntry } from './checkPinnedEntry.js';
import { checkServedLength } from './checkServedLength.js';
import type { MembershipPin } from './MembershipPin.js';

/** A pending invite as the log shows it (MEMBERSHIP-3: listed, with "Révoquer"). */
export interface PendingInviteInfo {
  /** Hex of the invite identity (revoke with a REMOVE of it). */
  id: string;
  publicKey: Uint8Array;
  role: Role;
  /** Unix seconds; 0 = never. */
  expiresAt: number;
  /** Hex of the animateur who signed the INVITE. */
  inviter: string;
  /** seq of the INVITE entry. */
  seq: number;
}

export interface SpaceMember {
  /** Hex of the Ed25519 public key. */
  id: string;
  publicKey: Uint8Array;
  role: Role;
}

type SpaceStateEvents = {
  /** The log grew: roles or keys may have changed. */
  change: (entry: MembershipFrame) => void;
  /** MEMBERSHIP-8: a peer has verified entries up to `seq`, beyond this log. */
  behind: (seq: number) => void;
  /** R37: an entry failed verification; the log stays at its verified prefix. */
  refused: (error: TrameError) => void;
  /**
   * R71/R72: a bundle sealed to this identity was refused (moved from another entry, or a key
   * that is not the committed one); no key was taken from it.
   */
  keyRefused: (error: TrameError) => void;
};

/** R37: the first entry this client refused, and why. */
export interface RefusedEntry {
  seq: number;
  error: TrameError;
}

/**
 * A space as a client knows it: its membership log, verified entry by entry (R34), and the
 * space keys sealed to this identity. Shared by the space connection and every document
 * session of the space.
 */
export class SpaceState extends ObservableV2<SpaceStateEvents> {
  private state: MembershipState;
  private readonly log: Uint8Array[] = [];
  /** SHA-256 of each verified entry, by seq (MEMBERSHIP-8 view checks). */
  private readonly hashes: Uint8Array[] = [];
  private readonly keys: KeyBundle = new Map();
  private readonly docKeys = new Map<string, Uint8Array>();
  private readonly publicKeys = new Map<string, Uint8Array>();
  private refusedEntry: RefusedEntry | null = null;
  /** MEMBERSHIP-3 (R76): the wrap secrets the relay gave this invite identity, by entry seq. */
  private readonly inviteWraps = new Map<number, Uint8Array>();
  /** Who signed each INVITE, by invite identity (hex), and where. */
  private readonly inviters = new Map<string, { inviter: string; seq: number }>();
  /** R71/R72: bundles sealed to this identity that were refused, in log order (also emitted). */
  readonly refusedBundles: TrameError[] = [];
  /** R39: entries folded up to a pin that is not reached yet; applied only once it matches. */
  private tentative: {
    state: MembershipState;
    entries: Array<{ frame: MembershipFrame; state: MembershipState }>;
  } | null = null;
  private pinned: MembershipPin | null;
  readonly selfId: string;

  constructor(
    readonly spaceId: Uint8Array,
    readonly identity: Identity,
    pin: MembershipPin | null = null,
  ) {
    super();
    this.state = emptyMembershipState(spaceId);
    this.selfId = toHex(identity.publicKey);
    this.pinned = pin;
  }

  /**
   * R39: what this device should remember to refuse another history later: the genesis hash
   * and the last verified (seq, head hash); the pin it was given while nothing is verified yet.
   */
  get pin(): MembershipPin | null {
    const genesis = this.log[0];
    if (!genesis || (this.pinned && this.pinned.seq > this.state.seq)) return this.pinned;
    return { genesisHash: sha256(genesis), seq: this.state.seq, headHash: this.state.headHash };
  }

  /** R39: a new connection serves the log again from the verified head. */
  restartServing(): void {
    this.tentative = null;
  }

  /**
   * R39: at READY, the relay's log (its head seq) may not be shorter than what this device
   * verified or pinned, and the entries up to the pin must all have arrived. Throws (and
   * freezes the log, R37) otherwise.
   */
  checkServed(relaySeq: number): void {
    if (this.refusedEntry) return;
    const known = Math.max(this.state.seq, this.pinned?.seq ?? -1);
    const err =
      checkServedLength(relaySeq, known) ?? checkServedLength(this.tentative?.state.seq ?? this.state.seq, known);
    if (err) this.refuse(this.state.seq + 1, err);
  }

  private refuse(seq: number, error: TrameError): never {
    this.tentative = null;
    this.refusedEntry = { seq, error };
    this.emit('refused', [error]);
    throw error;
  }

  /** The raw entry at `seq` this client already holds (verified or tentative), if any. */
  private held(seq: number): Uint8Array | undefined {
    if (seq <= this.state.seq) return this.log[seq];
    const t = this.tentative;
    return t && seq <= t.state.seq ? t.entries[seq - this.state.seq - 1]!.frame.raw : undefined;
  }

  get spaceIdHex(): string {
    return toHex(this.spaceId);
  }

  /** seq of the last verified entry, -1 if none. */
  get seq(): number {
    return this.state.seq;
  }

  get headHash(): Uint8Array {
    return this.state.headHash;
  }

  get epoch(): number {
    return this.state.epoch;
  }

  /** Every verified entry's raw frame, in order. */
  get entries(): readonly Uint8Array[] {
    return this.log;
  }

  get membership(): MembershipState {
    return this.state;
  }

  /**
   * R37: the first entry refused by verification, if any. The state stays the verified prefix
   * before it: roles, keys and documents keep working on it, and no later entry is applied
   * (each builds on the refused one), so one bad entry never makes a space unloadable.
   */
  get refused(): RefusedEntry | null {
    return this.refusedEntry;
  }

  /**
   * Verifies and applies the next entry (R30-R36). An entry this client already holds is
   * ignored; another one at a held position is MEMBERSHIP_FORK (R39). Up to a pin, entries are
   * folded aside and applied only once the pinned entry matches (R39). Throws TrameError when
   * the entry breaks the log; the first such entry is remembered (R37) and later ones are
   * ignored without a second report.
   */
  apply(entryOrRaw: MembershipFrame | Uint8Array): void {
    const entry = entryOrRaw instanceof Uint8Array ? (decodeFrame(entryOrRaw) as MembershipFrame) : entryOrRaw;
    if (entry.kind !== FrameKind.Membership) throw new TrameError('MALFORMED_FRAME', 'not a membership entry');
    if (this.refusedEntry && entry.seq >= this.refusedEntry.seq) return;
    const held = this.held(entry.seq);
    if (held) {
      // R39: what this client holds is final; another entry at the same position is a fork.
      if (bytesEqual(held, entry.raw)) return;
      this.refuse(
        this.state.seq + 1,
        new TrameError('MEMBERSHIP_FORK', `another entry at seq ${entry.seq} than the one held`),
      );
    }
    const base = this.tentative?.state ?? this.state;
    let next: MembershipState;
    try {
      next = applyMembershipEntry(base, entry, {
        verifyEntrySignature: verifyMembershipEntry,
        verifySignature: verify,
        sha256,
      });
    } catch (e) {
      this.refuse(
        entry.seq,
        e instanceof TrameError ? e : new TrameError('INVALID_MEMBERSHIP', String(e), { cause: e }),
      );
    }
    const pin = this.pinned;
    if (pin && entry.seq <= pin.seq) {
      const err = checkPinnedEntry(pin, entry.seq, next.headHash);
      if (err) this.refuse(this.state.seq + 1, err);
      const entries = [...(this.tentative?.entries ?? []), { frame: entry, state: next }];
      if (entry.seq < pin.seq) {
        this.tentative = { state: next, entries };
        return;
      }
      // The pinned entry matches: the whole prefix is the one the pin vouches for.
      this.tentative = null;
      for (const t of entries) {
        this.state = t.state;
        this.commit(t.frame);
      }
      return;
    }
    this.state = next;
    this.commit(entry);
  }

  /** Keeps a verified entry, opens what is sealed to this identity, and tells listeners. */
  private commit(entry: MembershipFrame): void {
    const raw = entry.raw.slice();
    this.log.push(raw);
    this.hashes.push(this.state.headHash);
    this.publicKeys.set(toHex(entry.subject), entry.subject.slice());
    this.publicKeys.set(toHex(entry.signer), entry.signer.slice());
    if (entry.action === MembershipAction.Invite) {
      this.inviters.set(toHex(entry.subject), { inviter: toHex(entry.signer), seq: entry.seq });
    }
    // MEMBERSHIP-2: keys come only from an entry that hands them to this identity (its subject,
    // or any remaining member for a ROTATE, R70), and a key already held for an epoch is never
    // replaced: a later bundle cannot swap it. The bundle must name this very entry (R71) and
    // every key must be the one its epoch's opening entry committed to (R72).
    const rotate = entry.action === MembershipAction.Rotate;
    const toInvite = this.state.invites.has(this.selfId);
    // R122/R123: the device a GENESIS or ACCEPT's chain certifies (verified by the fold) gets
    // the keys from that entry too, next to its person.
    const certified = entry.deviceChain?.at(-1)?.device;
    const handedToMe =
      rotate ||
      bytesEqual(entry.subject, this.identity.publicKey) ||
      (certified !== undefined && bytesEqual(certified, this.identity.publicKey));
    for (const s of entry.sealedKeys) {
      if (!bytesEqual(s.recipient, this.identity.publicKey)) continue;
      if (!handedToMe) continue;
      // R76: a bundle sealed to an invite identity (this one) is wrapped under a secret only the
      // relay holds, while the invite is pending.
      const wrap = this.inviteWraps.get(entry.seq);
      if (toInvite && !wrap) continue;
      const found = { spaceId: this.spaceId, seq: entry.seq, recipient: this.identity.publicKey, epoch: entry.epoch };
      try {
        const sealed = toInvite
          ? unwrapInviteSealed(wrap!, s.sealed, { spaceId: this.spaceId, invite: this.identity.publicKey })
          : s.sealed;
        for (const [epoch, key] of openVerifiedKeyBundle(this.identity, found, sealed, this.state.keyCommits)) {
          if (!this.keys.has(epoch)) this.keys.set(epoch, key);
        }
      } catch (e) {
        // Someone's mistake or attack, not ours to fail the log on; reported, NO_KEY surfaces later.
        const err = e instanceof TrameError ? e : new TrameError('KEY_BUNDLE_MISMATCH', String(e));
        this.refusedBundles.push(err);
        this.emit('keyRefused', [err]);
      }
    }
    // MEMBERSHIP-9: document keys derived under older epochs are not kept past a rotation.
    if (rotate) this.docKeys.clear();
    this.emit('change', [entry]);
  }

  /** R97: the role of a key (hex): its person's, for a linked device; none for anyone else. */
  roleOf(id: string): Role {
    return roleOfKey(this.state, id);
  }

  /**
   * R97 (ADR 0008): the person (hex person key) a key acts for: a member's own key, or the
   * person of a linked device; null otherwise. Names, colours, carets and roles go by person.
   */
  personOf(id: string): string | null {
    return personOf(this.state, id);
  }

  /** The person this device acts for (its own key for a legacy or first device). */
  get myPerson(): string | null {
    return this.personOf(this.selfId);
  }

  /** R97: a person's linked devices (hex), the person key not included. */
  devicesOf(person: string): string[] {
    return devicesOf(this.state, person);
  }

  /** The public key (bytes) of any key this log has named, if any. */
  publicKeyOf(id: string): Uint8Array | undefined {
    return this.publicKeys.get(id);
  }

  /** R75: a wrap secret the relay sent this (invite) identity for the entry at `seq`. */
  setInviteWrap(seq: number, wrap: Uint8Array): void {
    this.inviteWraps.set(seq, wrap.slice());
  }

  /** Pending invites with their role, expiry and inviter (expired ones included, see expiresAt). */
  pendingInvites(): PendingInviteInfo[] {
    return [...this.state.invites].map(([id, inv]) => ({
      id,
      publicKey: this.publicKeys.get(id)!,
      role: inv.role,
      expiresAt: inv.expiresAt,
      inviter: this.inviters.get(id)?.inviter ?? '',
      seq: this.inviters.get(id)?.seq ?? -1,
    }));
  }

  get myRole(): Role {
    return this.roleOf(this.selfId);
  }

  /**
   * R40/R74 (MEMBERSHIP-5): whether a content frame at `epoch` signed by `id` is trusted: `id`
   * held a write role while that epoch was current.
   */
  isTrustedWriter(id: string, epoch: number): boolean {
    return this.state.epochWriters.get(epoch)?.has(id) ?? false;
  }

  /**
   * MEMBERSHIP-8: checks a verified peer frame's membership view against this log. Returns the
   * fork error to report, or null; a peer ahead emits `behind` (the session fetches).
   */
  checkView(view: { viewSeq: number; viewHead: Uint8Array }): TrameError | null {
    const verdict = checkMembershipView(view, this.state.seq, (seq) => this.hashes[seq]);
    if (verdict === 'ahead') {
      this.emit('behind', [view.viewSeq]);
      return null;
    }
    return verdict;
  }

  /** MEMBERSHIP-5: whether `id` holds a write role now (live frames need it). */
  isCurrentWriter(id: string): boolean {
    return roleCanWrite(this.roleOf(id));
  }

  canWrite(): boolean {
    return roleCanWrite(this.myRole);
  }

  members(): SpaceMember[] {
    return [...this.state.members].map(([id, role]) => ({ id, role, publicKey: this.publicKeys.get(id)! }));
  }

  /** Every space key this identity holds, by epoch (to seal them to a new member). */
  keyBundle(): KeyBundle {
    return new Map(this.keys);
  }

  hasKey(epoch: number): boolean {
    return this.keys.has(epoch);
  }

  /** Adds keys learnt outside the log (the creator's own genesis key); never replaces one. */
  addKeys(bundle: KeyBundle): void {
    for (const [e, k] of bundle) if (!this.keys.has(e)) this.keys.set(e, k);
  }

  /** Derived document keys held in memory (MEMBERSHIP-9: emptied at every rotation). */
  get cachedDocKeys(): number {
    return this.docKeys.size;
  }

  /** The content key of a document for an epoch; throws NO_KEY if the epoch key is unknown. */
  docKey(epoch: number, docId: Uint8Array): Uint8Array {
    const cacheKey = `${epoch}:${toHex(docId)}`;
    let key = this.docKeys.get(cacheKey);
    if (!key) {
      const spaceKey = this.keys.get(epoch);
      if (!spaceKey) throw new TrameError('NO_KEY', `no space key for epoch ${epoch}`);
      key = deriveDocKey(spaceKey, docId);
      this.docKeys.set(cacheKey, key);
    }
    return key;
  }
}
