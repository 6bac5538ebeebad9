import type {
  DocumentSessionLike,
  DocumentStatus,
  SpaceMemberInfo,
  SpaceSessionLike,
  SyncApi,
} from '@trame/workspace';
import { Role, TrameError, toHex } from '@trame/protocol';
import type { Identity } from '@trame/crypto';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

/*
 * TEMPORARY in-tab stand-in for @trame/sync, to be deleted when the lead's package builds (see
 * ./sync.ts). It implements the contract's shapes over in-memory Y.Docs so screens can be
 * built and screenshotted. It does no networking, no crypto and no persistence, and it is not
 * a relay: two tabs do not see each other.
 */

interface SpaceState {
  id: Uint8Array;
  members: Map<string, SpaceMemberInfo>;
  docs: Map<string, Y.Doc>;
}

const spaces = new Map<string, SpaceState>();

function randomId(): Uint8Array {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return b;
}

class PreviewSpaceSession implements SpaceSessionLike {
  readonly spaceIdHex: string;
  constructor(
    readonly state: SpaceState,
    private readonly me: string,
  ) {
    this.spaceIdHex = toHex(state.id);
  }
  get spaceId(): Uint8Array {
    return this.state.id;
  }
  get myRole(): Role {
    return this.roleOf(this.me);
  }
  members(): SpaceMemberInfo[] {
    return [...this.state.members.values()];
  }
  roleOf(id: string): Role {
    return this.state.members.get(id)?.role ?? Role.None;
  }
  async addMember(publicKey: Uint8Array, role: Role): Promise<void> {
    this.state.members.set(toHex(publicKey), { id: toHex(publicKey), publicKey, role });
  }
  async setRole(publicKey: Uint8Array, role: Role): Promise<void> {
    await this.addMember(publicKey, role);
  }
  async removeMember(publicKey: Uint8Array): Promise<void> {
    this.state.members.delete(toHex(publicKey));
  }
  async createInvite(): Promise<string> {
    // Shaped like a real token so links render realistically; it cannot be accepted.
    const b = new Uint8Array(48);
    crypto.getRandomValues(b);
    return btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  on(): void {}
  off(): void {}
  close(): void {}
}

class PreviewDocumentSession implements DocumentSessionLike {
  readonly awareness: Awareness;
  readonly provider: { awareness: Awareness };
  readonly status: DocumentStatus = 'saved';
  constructor(
    readonly doc: Y.Doc,
    readonly canWrite: boolean,
  ) {
    this.awareness = new Awareness(doc);
    this.provider = { awareness: this.awareness };
  }
  on(): void {}
  whenSynced(): Promise<void> {
    return Promise.resolve();
  }
  whenSaved(): Promise<void> {
    return Promise.resolve();
  }
  destroy(): void {
    this.awareness.destroy();
  }
}

function create(o: { identity: Identity }): Promise<PreviewSpaceSession> {
  const id = randomId();
  const me = toHex(o.identity.publicKey);
  const state: SpaceState = { id, members: new Map(), docs: new Map() };
  state.members.set(me, { id: me, publicKey: o.identity.publicKey, role: Role.Admin });
  spaces.set(toHex(id), state);
  return Promise.resolve(new PreviewSpaceSession(state, me));
}

function open(o: { identity: Identity; spaceId: Uint8Array }): Promise<PreviewSpaceSession> {
  const state = spaces.get(toHex(o.spaceId));
  if (!state) return Promise.reject(new TrameError('UNKNOWN_SPACE', 'preview: spaces do not survive a reload'));
  return Promise.resolve(new PreviewSpaceSession(state, toHex(o.identity.publicKey)));
}

function acceptInvite(): Promise<PreviewSpaceSession> {
  return Promise.reject(new TrameError('UNAVAILABLE', 'preview: invites need the real sync layer'));
}

/** The stand-in, typed as the contract so the swap to @trame/sync is checked by the compiler. */
export const previewSync: SyncApi<PreviewSpaceSession> = {
  SpaceSession: { create, open, acceptInvite },
  openDocument({ space, docId }) {
    const key = toHex(docId);
    let doc = space.state.docs.get(key);
    if (!doc) {
      doc = new Y.Doc();
      space.state.docs.set(key, doc);
    }
    return new PreviewDocumentSession(doc, space.myRole === Role.Admin || space.myRole === Role.Editor);
  },
  newDocId: randomId,
};
