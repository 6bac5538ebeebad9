import * as Y from 'yjs';
import { fromHex, type RetentionPolicy } from '@trame/protocol';
import {
  HistoryError,
  openHistory,
  restoreVersion,
  VersionRecorder,
  type HistoryClient,
  type HistorySpace,
  type VersionInfo,
} from '@trame/sync/history';
import type { DocumentSessionLike, SpaceSessionLike } from '../../sync/SyncApi.js';
import type { HistoryContext } from './HistoryContext.js';

/**
 * Version history commands behind `client.history` (ItemHistory), loaded with `import()` on first
 * use: the document route does not carry them until someone edits, opens the timeline or restores.
 */

const NO_ITEM = '00'.repeat(16);

/** The history of one item of an open space; the space session must be @trame/sync's. */
export function historyOf(session: SpaceSessionLike, itemId: string): HistoryClient {
  const space = session as unknown as Partial<HistorySpace>;
  if (!space.state || !space.relayUrl || !space.identity)
    throw new HistoryError('HISTORY_UNAVAILABLE', 'this space session keeps no history');
  return openHistory({ space: space as HistorySpace, docId: fromHex(itemId) });
}

async function clientOf(ctx: HistoryContext, spaceId: string, itemId: string): Promise<HistoryClient> {
  return historyOf((await ctx.core.openSpace(spaceId)).session, itemId);
}

/**
 * Authors, writer and namer as person ids: with linked devices (DEVICES-2) versions are signed
 * by device keys, which the space's verified log maps to their person (`personOf`).
 */
async function asPersons(ctx: HistoryContext, spaceId: string, versions: VersionInfo[]): Promise<VersionInfo[]> {
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

export async function listVersions(ctx: HistoryContext, spaceId: string, itemId: string): Promise<VersionInfo[]> {
  return asPersons(ctx, spaceId, await (await clientOf(ctx, spaceId, itemId)).list());
}

export async function loadVersion(
  ctx: HistoryContext,
  spaceId: string,
  itemId: string,
  versionId: string,
): Promise<{ info: VersionInfo; state: Uint8Array }> {
  const { info, state } = await (await clientOf(ctx, spaceId, itemId)).load(versionId);
  const [mapped] = await asPersons(ctx, spaceId, [info]);
  return { info: mapped!, state };
}

export async function nameVersion(
  ctx: HistoryContext,
  spaceId: string,
  itemId: string,
  versionId: string,
  name: string,
): Promise<void> {
  await (await clientOf(ctx, spaceId, itemId)).name(versionId, name);
}

/** Writes the current state of an open item as a version (no recorder yet, or a temporary session). */
function saveState(
  ctx: HistoryContext,
  history: HistoryClient,
  session: DocumentSessionLike,
  restoredFrom: string | null,
): Promise<string> {
  const now = ctx.core.now();
  return history.save({
    state: Y.encodeStateAsUpdate(session.doc),
    startAt: now,
    endAt: now,
    authors: [ctx.core.myId],
    restoredFrom,
  });
}

export async function saveNow(ctx: HistoryContext, spaceId: string, itemId: string): Promise<string | null> {
  const session = ctx.openSession(spaceId, itemId);
  if (!session) return null;
  const recorder = await ctx.recorderOf(session);
  if (recorder) return recorder.flush({ force: true });
  return saveState(ctx, await clientOf(ctx, spaceId, itemId), session, null);
}

export async function restore(
  ctx: HistoryContext,
  spaceId: string,
  itemId: string,
  versionId: string,
): Promise<string | null> {
  const history = await clientOf(ctx, spaceId, itemId);
  const { state } = await history.load(versionId);
  let session = ctx.openSession(spaceId, itemId);
  let temporary = false;
  if (!session) {
    const space = await ctx.core.openSpace(spaceId);
    session = ctx.core.openDoc(space.session, fromHex(itemId));
    temporary = true;
    await ctx.core.settleSynced(session);
  }
  try {
    if (!session.canWrite) throw new HistoryError('HISTORY_FORBIDDEN', 'observers cannot restore');
    await session.whenSynced();
    const changed = restoreVersion(session.doc, state);
    // The restore is a local edit: it started (or loads) this item's recorder, which records it.
    const recorder = changed ? await ctx.recorderOf(session) : null;
    if (recorder) return await recorder.flush({ force: true, restoredFrom: versionId });
    return await saveState(ctx, history, session, versionId);
  } finally {
    if (temporary) {
      await ctx.core.settle(session);
      session.destroy();
    }
  }
}

export async function retention(
  ctx: HistoryContext,
  spaceId: string,
): Promise<{ policy: RetentionPolicy; isDefault: boolean }> {
  return (await clientOf(ctx, spaceId, NO_ITEM)).retention();
}

export async function setRetention(ctx: HistoryContext, spaceId: string, policy: RetentionPolicy): Promise<void> {
  await (await clientOf(ctx, spaceId, NO_ITEM)).setRetention(policy);
}

/** Starts recording sessions of work of `item` (R114); its first local edit happened at `startedAt`. */
export async function startRecorder(
  ctx: HistoryContext,
  spaceId: string,
  itemId: string,
  item: DocumentSessionLike,
  startedAt: number,
): Promise<VersionRecorder> {
  return new VersionRecorder({
    doc: item.doc,
    awareness: item.awareness,
    selfId: ctx.core.myId,
    canWrite: () => item.canWrite,
    history: await clientOf(ctx, spaceId, itemId),
    sessionStartedAt: startedAt,
    ...(ctx.policy ? { policy: ctx.policy } : {}),
    ...(ctx.onError ? { onError: ctx.onError } : {}),
  });
}
