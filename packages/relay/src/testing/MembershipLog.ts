import { createHash } from 'node:crypto';
import { MembershipAction, Role, ZERO_HASH } from '@trame/protocol';
import { buildMembership, type MembershipOptions } from './buildFrames.js';
import type { TestIdentity } from './createTestIdentity.js';

/** Client-side view of a space's log in tests: builds the next entry, records accepted ones. */
export class MembershipLog {
  readonly entries: Uint8Array[] = [];

  constructor(readonly spaceId: Uint8Array) {}

  get seq(): number {
    return this.entries.length - 1;
  }

  get headHash(): Uint8Array {
    const last = this.entries.at(-1);
    return last ? new Uint8Array(createHash('sha256').update(last).digest()) : ZERO_HASH;
  }

  genesis(admin: TestIdentity): Uint8Array {
    return buildMembership({
      signer: admin,
      spaceId: this.spaceId,
      seq: 0,
      action: MembershipAction.Genesis,
      subject: admin.publicKey,
      role: Role.Admin,
      sealedFor: [admin.publicKey],
    });
  }

  /** The entry that would follow the head; override any field to forge a bad one. */
  next(
    signer: TestIdentity,
    action: number,
    subject: Uint8Array,
    role: number,
    overrides: Partial<MembershipOptions> = {},
  ): Uint8Array {
    const sealed = action === MembershipAction.Remove || action === MembershipAction.SetRole ? [] : [subject];
    return buildMembership({
      signer,
      spaceId: this.spaceId,
      seq: this.seq + 1,
      prevHash: this.headHash,
      action,
      subject,
      role,
      sealedFor: sealed,
      ...overrides,
    });
  }

  /** Records an entry the relay acknowledged. */
  accepted(entry: Uint8Array): void {
    this.entries.push(entry);
  }
}
