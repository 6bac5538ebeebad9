import { fromHex, Role, toHex, TrameError } from '@trame/protocol';
import { keyFingerprint } from '@trame/sync';
import * as Y from 'yjs';
import type { DocumentSessionLike, OpenDocumentOptionsLike, SyncApi } from '../sync/SyncApi.js';
import { FakeDocumentSession } from './FakeDocumentSession.js';
import { FakeSpaceSession } from './FakeSpaceSession.js';

/** An invite the fake relay holds: the role it grants and the hex key of the animateur who made it. */
export interface FakeInvite {
  role: Role;
  by: string;
  /** Unix seconds; 0 = never. */
  expiresAt?: number;
}

/** A space on the fake relay: its members and roles, and its pending invites by token. */
export interface FakeSpace {
  members: Map<string, Role>;
  invites: Map<string, FakeInvite>;
  /** R97: linked device (hex) → person (hex). */
  devices?: Map<string, string>;
}

/**
 * An in-memory stand-in for @trame/sync and the relay, for unit tests of the domain layer:
 * spaces with members and roles, documents kept on the "relay" and mirrored into each open
 * session's Y.Doc, invites. No crypto, no network: it plays by the same structural API
 * (`SyncApi`) so TrameClient's commands can be tested without a server.
 */
export class FakeRelay {
  readonly spaces = new Map<string, FakeSpace>();
  readonly docs = new Map<string, Y.Doc>();
  /** Every openDocument call, as `space:doc` hex. */
  readonly opened: string[] = [];
  /** Tokens whose pinned INVITE entry this relay does not serve (a forged history, R39). */
  readonly forgedInvites = new Set<string>();
  private next = 1;

  /** The SyncApi a client of `identity` uses. */
  api(): SyncApi<FakeSpaceSession> {
    return {
      SpaceSession: {
        create: async (o) => {
          const id = this.newId();
          // R122: a linked device with a chain creates as its person (the chain is the fold's to check).
          const me = toHex(o.identity.publicKey);
          const person = o.person ? toHex(o.person.key) : me;
          this.spaces.set(toHex(id), {
            members: new Map([[person, Role.Admin]]),
            invites: new Map(),
            devices: new Map(person === me ? [] : [[me, person]]),
          });
          return new FakeSpaceSession(this, id, o.identity);
        },
        open: async (o) => {
          const space = this.spaces.get(toHex(o.spaceId));
          const me = toHex(o.identity.publicKey);
          if (!space) throw new TrameError('UNKNOWN_SPACE', 'no such space');
          if (!space.members.has(me) && !space.devices?.has(me)) throw new TrameError('NOT_A_MEMBER', 'not a member');
          return new FakeSpaceSession(this, o.spaceId, o.identity);
        },
        acceptInvite: async (o) => {
          const { spaceHex, space, invite, token } = this.invite(o.invite);
          space.invites.delete(token);
          // R123: on a linked device with a chain, the person joins and the device with her.
          const me = toHex(o.identity.publicKey);
          const person = o.person ? toHex(o.person.key) : me;
          space.members.set(person, invite.role);
          if (person !== me) (space.devices ??= new Map()).set(me, person);
          return new FakeSpaceSession(this, fromHex(spaceHex), o.identity);
        },
        previewInvite: async (o) => {
          const { spaceHex, invite } = this.invite(o.invite);
          const inviter = fromHex(invite.by);
          return {
            spaceId: fromHex(spaceHex),
            role: invite.role,
            expiresAt: 0,
            inviter,
            inviterFingerprint: keyFingerprint(inviter),
          };
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

  /** A pending invite from a fake token (`<space hex>.<token>`), as the sync layer would check it. */
  private invite(full: string): { spaceHex: string; space: FakeSpace; invite: FakeInvite; token: string } {
    if (this.forgedInvites.has(full))
      throw new TrameError('INVITE_MISMATCH', 'the relay does not hold the pinned INVITE');
    const [spaceHex, token] = full.split('.') as [string, string];
    const space = this.spaces.get(spaceHex);
    const invite = space?.invites.get(token);
    if (!space || !invite) throw new TrameError('NOT_A_MEMBER', 'invite used or revoked');
    return { spaceHex, space, invite, token };
  }

  private openDocument(o: OpenDocumentOptionsLike<FakeSpaceSession>): DocumentSessionLike {
    this.opened.push(`${o.space.spaceIdHex}:${toHex(o.docId)}`);
    return new FakeDocumentSession(this.relayDoc(o.space.spaceIdHex, toHex(o.docId)), o.space);
  }
}
