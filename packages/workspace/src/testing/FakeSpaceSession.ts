import type { Identity } from '@trame/crypto';
import { fromHex, Role, toHex, TrameError } from '@trame/protocol';
import { ObservableV2 } from 'lib0/observable';
import type {
  PendingInviteInfo,
  SpaceMemberInfo,
  SpaceSessionEvents,
  SpaceSessionLike,
  SpaceStatus,
} from '../sync/SyncApi.js';
import type { FakeRelay, FakeSpace } from './FakeRelay.js';

/** A space session over the fake relay (testing/FakeRelay.ts). */
export class FakeSpaceSession extends ObservableV2<SpaceSessionEvents> implements SpaceSessionLike {
  readonly spaceIdHex: string;
  readonly currentStatus: SpaceStatus = 'connected';
  readonly pin = null;
  closed = false;
  epoch = 0;

  constructor(
    private readonly relay: FakeRelay,
    readonly spaceId: Uint8Array,
    private readonly identity: Identity,
  ) {
    super();
    this.spaceIdHex = toHex(spaceId);
  }

  private get space(): FakeSpace {
    return this.relay.spaces.get(this.spaceIdHex)!;
  }

  get myRole(): Role {
    return this.roleOf(toHex(this.identity.publicKey));
  }

  private get devices(): Map<string, string> {
    this.space.devices ??= new Map();
    return this.space.devices;
  }

  personOf(id: string): string | null {
    return this.space.members.has(id) ? id : (this.devices.get(id) ?? null);
  }

  devicesOf(person: string): string[] {
    return [...this.devices].filter(([, p]) => p === person).map(([d]) => d);
  }

  async addDevice(devicePublicKey: Uint8Array): Promise<void> {
    const me = this.personOf(toHex(this.identity.publicKey));
    if (me === null) throw new TrameError('FORBIDDEN_ROLE', 'not a member');
    this.devices.set(toHex(devicePublicKey), me);
  }

  async removeDevice(deviceKey: Uint8Array): Promise<number> {
    this.devices.delete(toHex(deviceKey));
    return ++this.epoch;
  }

  members(): SpaceMemberInfo[] {
    return [...this.space.members].map(([id, role]) => ({ id, role, publicKey: fromHex(id) }));
  }

  roleOf(id: string): Role {
    const person = this.personOf(id);
    return person === null ? Role.None : (this.space.members.get(person) ?? Role.None);
  }

  async addMember(publicKey: Uint8Array, role: Role): Promise<void> {
    this.space.members.set(toHex(publicKey), role);
  }

  async setRole(publicKey: Uint8Array, role: Role): Promise<void> {
    this.space.members.set(toHex(publicKey), role);
  }

  async removeMember(publicKey: Uint8Array): Promise<void> {
    this.space.members.delete(toHex(publicKey));
    this.epoch++;
  }

  async rotateKeys(o: { remove?: Uint8Array } = {}): Promise<number> {
    if (o.remove) this.space.members.delete(toHex(o.remove));
    return ++this.epoch;
  }

  async createInvite(o: { role: Role; expiresAt?: Date | 'never' }): Promise<string> {
    const token = `inv${this.space.invites.size + 1}`;
    const expiresAt = o.expiresAt instanceof Date ? Math.floor(o.expiresAt.getTime() / 1000) : 0;
    this.space.invites.set(token, { role: o.role, by: toHex(this.identity.publicKey), expiresAt });
    return `${this.spaceIdHex}.${token}`;
  }

  pendingInvites(): PendingInviteInfo[] {
    return [...this.space.invites].map(([token, inv], seq) => ({
      id: token,
      publicKey: new TextEncoder().encode(token),
      role: inv.role,
      expiresAt: inv.expiresAt ?? 0,
      inviter: inv.by,
      seq,
    }));
  }

  async revokeInvite(publicKey: Uint8Array): Promise<void> {
    this.space.invites.delete(new TextDecoder().decode(publicKey));
  }

  retryNow(): void {}

  close(): void {
    this.closed = true;
  }
}
