/**
 * Schema of a space's index document: the Y.Doc whose doc id is the space id itself. It holds
 * everything a user typed about the space (names, titles, profiles), so the relay stores it
 * only as ciphertext.
 *
 * Root types: `meta` (Y.Map), `items` (Y.Map of Y.Map), `profiles` (Y.Map of plain objects),
 * `activity` (Y.Array, newest last) and, in the assembly only, `ateliers` (Y.Map of Y.Map),
 * `decisions` and `decisionStatus` (Y.Maps of plain objects).
 */
export const INDEX_ROOTS = {
  meta: 'meta',
  items: 'items',
  profiles: 'profiles',
  activity: 'activity',
  ateliers: 'ateliers',
  decisions: 'decisions',
  decisionStatus: 'decisionStatus',
  /** DEVICES-2: each linked device's record (name, person, last seen), written by the device itself. */
  devices: 'devices',
} as const;

/** The assembly, or one atelier. */
export type SpaceKind = 'assembly' | 'atelier';

/** Ateliers are activated by the assembly and put to rest when they have nothing to carry. */
export type SpaceStatus = 'active' | 'resting';

/** The three kinds of shared item a space holds. */
export type ItemType = 'document' | 'board' | 'minutes';

/** What the index says about its own space. */
export interface SpaceMeta {
  kind: SpaceKind;
  name: string;
  description: string;
  colour: string;
  status: SpaceStatus;
  /** The collective's own name (assembly only). */
  collectiveName: string;
  /** Hex id of the assembly this atelier belongs to ('' for the assembly itself). */
  assemblyId: string;
  createdAt: number;
  createdBy: string;
}

/** A document, board or minutes listed in a space. */
export interface ItemInfo {
  /** Hex doc id. */
  id: string;
  type: ItemType;
  title: string;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
  archived: boolean;
  /** `'main'` marks the atelier board that receives the assembly's decisions. */
  role: 'main' | '';
}

/**
 * How a member appears: chosen by the member, written by the member's own client; for
 * observers, who cannot write, recorded by a writer from the name they announce in the index's
 * signed awareness (see `recordPresentProfiles`).
 */
export interface MemberProfile {
  id: string;
  displayName: string;
  colour: string;
}

/** An atelier as the assembly registers it (home cards). */
export interface AtelierEntry {
  /** Hex space id of the atelier. */
  id: string;
  name: string;
  description: string;
  colour: string;
  status: SpaceStatus;
  order: string;
  createdAt: number;
  lastActivityAt: number;
  lastActivityBy: string;
}

/** Things that happen to items, for "recent activity". */
export type ActivityAction = 'created' | 'edited' | 'renamed' | 'archived' | 'restored' | 'duplicated';

/** One line of a space's recent activity. */
export interface ActivityEntry {
  at: number;
  by: string;
  itemId: string;
  action: ActivityAction;
}
