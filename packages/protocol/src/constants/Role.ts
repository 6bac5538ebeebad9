/**
 * Roles in a space (docs/PROTOCOL.md §4). `Admin` is the collective's "animateur".
 * `None` appears only in REMOVE entries.
 */
export const Role = {
  None: 0,
  Admin: 1,
  Editor: 2,
  Viewer: 3,
} as const;

export type Role = (typeof Role)[keyof typeof Role];

/** R30: only admins and editors may write documents. */
export function roleCanWrite(role: number): boolean {
  return role === Role.Admin || role === Role.Editor;
}

export function isRole(value: number): value is Role {
  return value === Role.None || value === Role.Admin || value === Role.Editor || value === Role.Viewer;
}
