import { Role } from '@trame/protocol';

/** Animateurs and members can edit; observers only read (the relay enforces the same rule). */
export function canWrite(role: Role): boolean {
  return role === Role.Admin || role === Role.Editor;
}
