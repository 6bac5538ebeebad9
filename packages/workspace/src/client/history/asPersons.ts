import type { VersionInfo } from '@trame/sync/history';
import type { HistoryContext } from './HistoryContext.js';

/**
 * Authors, writer and namer as person ids: with linked devices (DEVICES-2) versions are signed
 * by device keys, which the space's verified log maps to their person (`personOf`).
 */
export async function asPersons(ctx: HistoryContext, spaceId: string, versions: VersionInfo[]): Promise<VersionInfo[]> {
  const session = (await ctx.core.openSpace(spaceId)).session as unknown as {
    personOf?: (id: string) => string | null;
  };
  if (typeof session.personOf !== 'function') return versions;
  const person = (id: string): string => session.personOf!(id) ?? id;
  return versions.map((v) => ({
    ...v,
    authors: [...new Set(v.authors.map(person))],
    createdBy: person(v.createdBy),
    namedBy: v.namedBy ? person(v.namedBy) : null,
  }));
}
