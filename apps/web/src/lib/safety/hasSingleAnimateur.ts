import { Role } from '@trame/protocol';

/**
 * DEVICES-5: a space with exactly one animateur is one lost phone away from nobody being able
 * to invite or remove anyone again. True when `members` holds exactly one animateur.
 */
export function hasSingleAnimateur(members: ReadonlyArray<{ role: Role }>): boolean {
  let admins = 0;
  for (const m of members) if (m.role === Role.Admin) admins++;
  return admins === 1;
}
