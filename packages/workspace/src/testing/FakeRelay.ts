import { fromHex, Role, toHex, TrameError } from '@trame/protocol';
import type { Identity } from '@trame/crypto';
import { ObservableV2 } from 'lib0/observable';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type {
  DocumentSessionEvents,
  DocumentSessionLike,
  DocumentStatus,
  OpenDocumentOptionsLike,
  SpaceMemberInfo,
  SpaceSessionEvents,
  SpaceSessionLike,
  SpaceStatus,
  SyncApi,
} from '../sync/SyncApi.js';

/**
 * An in-memory stand-in for @trame/sync and the relay, for unit tests of the domain layer:
 * spaces with members and roles, documents kept on the "relay" and mirrored into each open
 * session's Y.Doc, invites. No crypto, no network: it plays by the same structural API
 * (`SyncApi`) so TrameClient's commands can be tested without a server.
 */
export class FakeRelay {
  readonly spaces = new Map<string, { members: Map<string, Role>; invites: Map<string, Role> }>();
  readonly docs = new Map<string, Y.Doc>();
  /** Every openDocument call, as `space:doc` hex. */
  readonly opened: string[] = [];
  private next = 1;

  /** The SyncApi a client of `identity` uses. */
  api(): SyncApi<FakeSpaceSession> {
    return {
      SpaceSession: {
        create: async (o) => {
          const id = this.newId();
          this.spaces.set(toHex(id), {
            members: new Map([[toHex(o.identity.publicKey), Role.Admin]]),
            invites: new Map(),
          });
          return new FakeSpaceSession(this, id, o.identity);
        },
        open: async (o) => {
          const space = this.spaces.get(toHex(o.spaceId));
          const me = toHex(o.identity.publicKey);
          if (!space) throw new TrameError('UNKNOWN_SPACE', 'no such space');
          if (!space.members.has(me)) throw new TrameError('NOT_A_MEMBER', 'not a member');
          return new FakeSpaceSession(this, o.spaceId, o.identity);
        },
        acceptInvite: async (o) => {
          const [spaceHex, token] = o.invite.split('.') as [string, string];
          const space = this.spaces.get(spaceHex);
          const role = space?.invites.get(token);
          if (!space || role === undefined) throw new TrameError('NOT_A_MEMBER', 'invite used or revoked');
          space.invites.delete(token);
          space.members.set(toHex(o.identity.publicKey), role);
          return new FakeSpaceSession(this, fromHex(spaceHex), o.identity);
        },
        previewInvite: async () => {
          throw new TrameError('NOT_A_MEMBER', 'the fake relay has no invite previews');
        },
      },
      openDocument: (o) => this.openDocument(o),
      newDocId: () => this.newId(),
    };
  }

  newId(): Uint8Array {
    const id = new Uint8Array(16);
    new DataView(id.buffer).setUint32(12, this.next++);
    return id;
  }

  /** The relay's copy of a document (created empty on first use). */
  relayDoc(spaceHex: string, docHex: string): Y.Doc {
    const key = `${spaceHex}:${docHex}`;
    let doc = this.docs.get(key);
    if (!doc) {
      doc = new Y.Doc();
      this.docs.set(key, doc);
    }
    return doc;
  }

  private openDocument(o: OpenDocumentOptionsLike<FakeSpaceSession>): DocumentSessionLike {
    this.opened.push(`${o.space.spaceIdHex}:${toHex(o.docId)}`);
    return new FakeDocumentSession(this.relayDoc(o.space.spaceIdHex, toHex(o.docId)), o.space);
  }
}

/** A space session over the fake relay. */
export class FakeSpaceSession extends ObservableV2<SpaceSessionEvents> implements SpaceSessionLike {
  readonly spaceIdHex: string;
  readonly currentStatus: SpaceStatus = 'connected';
  readonly pin = null;
  closed = false;

  constructor(
    private readonly relay: FakeRelay,
    readonly spaceId: Uint8Array,
    private readonly identity: Identity,
  ) {
    super();
    this.spaceIdHex = toHex(spaceId);
  }

  private get space() {
    return this.relay.spaces.get(this.spaceIdHex)!;
  }

  get myRole(): Role {
    return this.space.members.get(toHex(this.identity.publicKey)) ?? Role.None;
  }

  members(): SpaceMemberInfo[] {
    return [...this.space.members].map(([id, role]) => ({ id, role, publicKey: fromHex(id) }));
  }

  roleOf(id: string): Role {
    return this.space.members.get(id) ?? Role.None;
  }

  async addMember(publicKey: Uint8Array, role: Role): Promise<void> {
    this.space.members.set(toHex(publicKey), role);
  }

  async setRole(publicKey: Uint8Array, role: Role): Promise<void> {
    this.space.members.set(toHex(publicKey), role);
  }

  async removeMember(publicKey: Uint8Array): Promise<void> {
    this.space.members.delete(toHex(publicKey));
  }

  async createInvite(o: { role: Role }): Promise<string> {
    const token = `inv${this.space.invites.size + 1}`;
    this.space.invites.set(token, o.role);
    return `${this.spaceIdHex}.${token}`;
  }

  retryNow(): void {}

  close(): void {
    this.closed = true;
  }
}

const RELAY = Symbol('relay');

/** A document session mirroring the relay's copy both ways, synchronously. */
export class FakeDocumentSession extends ObservableV2<DocumentSessionEvents> implements DocumentSessionLike {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly provider = null;
  status: DocumentStatus = 'saved';
  hasUnsavedChanges = false;
  destroyed = false;
  private readonly toRelay = (u: Uint8Array, origin: unknown): void => {
    if (origin !== RELAY) Y.applyUpdate(this.relayDoc, u, this);
  };
  private readonly fromRelay = (u: Uint8Array, origin: unknown): void => {
    if (origin !== this) Y.applyUpdate(this.doc, u, RELAY);
  };

  constructor(
    private readonly relayDoc: Y.Doc,
    private readonly space: FakeSpaceSession,
  ) {
    super();
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(relayDoc), RELAY);
    this.doc.on('update', this.toRelay);
    relayDoc.on('update', this.fromRelay);
  }

  get canWrite(): boolean {
    return this.space.myRole === Role.Admin || this.space.myRole === Role.Editor;
  }

  whenLoaded = async (): Promise<void> => {};
  whenSynced = async (): Promise<void> => {};
  whenSaved = async (): Promise<void> => {};
  saveNow = async (): Promise<void> => {};
  connect(): void {}
  retryNow(): void {}
  disconnect(): void {}

  override destroy(): void {
    this.destroyed = true;
    this.doc.off('update', this.toRelay);
    this.relayDoc.off('update', this.fromRelay);
    super.destroy();
  }
}
