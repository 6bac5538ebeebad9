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
} from '@trame/protocol';
import {
  decodeKeyBundle,
  deriveDocKey,
  openSealed,
  sha256,
  verifyMembershipEntry,
  type Identity,
  type KeyBundle,
} from '@trame/crypto';
import { ObservableV2 } from 'lib0/observable';

export interface SpaceMember {
  /** Hex of the Ed25519 public key. */
  id: string;
  publicKey: Uint8Array;
  role: Role;
}

type SpaceStateEvents = {
  /** The log grew: roles or keys may have changed. */
  change: (entry: MembershipFrame) => void;
  /** R37: an entry failed verification; the log stays at its verified prefix. */
  refused: (error: TrameError) => void;
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
  private readonly keys: KeyBundle = new Map();
  private readonly docKeys = new Map<string, Uint8Array>();
  private readonly publicKeys = new Map<string, Uint8Array>();
  private refusedEntry: RefusedEntry | null = null;
  readonly selfId: string;

  constructor(
    readonly spaceId: Uint8Array,
    readonly identity: Identity,
  ) {
    super();
    this.state = emptyMembershipState(spaceId);
    this.selfId = toHex(identity.publicKey);
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
   * Verifies and applies the next entry (R30-R35). Entries at or below the current seq are
   * ignored (already known). Throws TrameError when the entry breaks the log; the first such
   * entry is remembered (R37) and later ones are ignored without a second report.
   */
  apply(entryOrRaw: MembershipFrame | Uint8Array): void {
    const entry = entryOrRaw instanceof Uint8Array ? (decodeFrame(entryOrRaw) as MembershipFrame) : entryOrRaw;
    if (entry.kind !== FrameKind.Membership) throw new TrameError('MALFORMED_FRAME', 'not a membership entry');
    if (entry.seq <= this.state.seq) return;
    if (this.refusedEntry && entry.seq >= this.refusedEntry.seq) return;
    try {
      this.state = applyMembershipEntry(this.state, entry, { verifyEntrySignature: verifyMembershipEntry, sha256 });
    } catch (e) {
      const error = e instanceof TrameError ? e : new TrameError('INVALID_MEMBERSHIP', String(e), { cause: e });
      this.refusedEntry = { seq: entry.seq, error };
      this.emit('refused', [error]);
      throw error;
    }
    const raw = entry.raw.slice();
    this.log.push(raw);
    this.publicKeys.set(toHex(entry.subject), entry.subject.slice());
    this.publicKeys.set(toHex(entry.signer), entry.signer.slice());
    for (const s of entry.sealedKeys) {
      if (!bytesEqual(s.recipient, this.identity.publicKey)) continue;
      try {
        for (const [epoch, key] of decodeKeyBundle(openSealed(this.identity, s.sealed))) this.keys.set(epoch, key);
      } catch {
        // A bundle we cannot open is someone's mistake, not ours to fail on; NO_KEY surfaces later.
      }
    }
    this.emit('change', [entry]);
  }

  roleOf(id: string): Role {
    return this.state.members.get(id) ?? Role.None;
  }

  get myRole(): Role {
    return this.roleOf(this.selfId);
  }

  /** R40: whether updates signed by `id` are trusted (it holds or held a write role). */
  isTrustedWriter(id: string): boolean {
    return this.state.everWriters.has(id);
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

  /** Adds keys learnt outside the log (the creator's own genesis key). */
  addKeys(bundle: KeyBundle): void {
    for (const [e, k] of bundle) this.keys.set(e, k);
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
