import type { RetentionPolicy } from '@trame/protocol';
import type { VersionInfo } from '@trame/sync/history';
import type { DocumentSessionLike, SpaceSessionLike } from '../../sync/SyncApi.js';
import type { HistoryContext, RecorderLike } from './HistoryContext.js';

const commands = () => import('./historyCommands.js');

/** What the history facade needs besides the client core. */
export type ItemHistoryOptions<S extends SpaceSessionLike> = Omit<HistoryContext<S>, 'recorderOf'>;

interface Recording {
  recorder: Promise<RecorderLike | null>;
  /** The recorder once loaded (set synchronously, so closing takes the state before destroy). */
  loaded: RecorderLike | null;
  /** A local edit started loading it. */
  loading: boolean;
  detach(): void;
}

/**
 * HISTORY-1/3 for screens (`client.history`): the timeline of an item (documents, boards,
 * minutes), a version's state for a read-only preview, naming, restoring as a new edit, and the
 * space's retention policy. Versions of items opened with `openItem` by a writer are recorded
 * automatically at the end of each session of work. The code (historyCommands) loads on first use.
 */
export class ItemHistory<S extends SpaceSessionLike = SpaceSessionLike> {
  private readonly recordings = new Map<DocumentSessionLike, Recording>();
  private readonly ctx: HistoryContext<S>;

  constructor(o: ItemHistoryOptions<S>) {
    this.ctx = {
      ...o,
      recorderOf: async (session) => {
        const rec = this.recordings.get(session);
        if (!rec) return null;
        // Being loaded (a local edit, e.g. the restore itself, started it): wait for it.
        return rec.loaded ?? (rec.loading ? rec.recorder : null);
      },
    };
  }

  /** Verified versions of an item, newest first (authors as person ids). */
  async list(spaceId: string, itemId: string): Promise<VersionInfo[]> {
    return (await commands()).listVersions(this.ctx, spaceId, itemId);
  }

  /** A version's Yjs state (v1): `Y.applyUpdate(new Y.Doc(), state)` gives a read-only copy. */
  async load(spaceId: string, itemId: string, versionId: string): Promise<Uint8Array> {
    return (await this.loadWithInfo(spaceId, itemId, versionId)).state;
  }

  /** A version with its description (who, when, name). */
  async loadWithInfo(
    spaceId: string,
    itemId: string,
    versionId: string,
  ): Promise<{ info: VersionInfo; state: Uint8Array }> {
    return (await commands()).loadVersion(this.ctx, spaceId, itemId, versionId);
  }

  /** Names a version ("Version votée en AG du 3 décembre"): it is never thinned. Writers only. */
  async name(spaceId: string, itemId: string, versionId: string, name: string): Promise<void> {
    return (await commands()).nameVersion(this.ctx, spaceId, itemId, versionId, name);
  }

  /** Records a version of an open item now, whoever made the last edits; returns its id (null: not open). */
  async saveNow(spaceId: string, itemId: string): Promise<string | null> {
    return (await commands()).saveVersionNow(this.ctx, spaceId, itemId);
  }

  /**
   * R114: restores a version as a new edit of this writer, which everyone with the item open
   * receives live; nothing of the history is rewritten. The item is opened for the time of the
   * restore if no screen has it open. Records a version marking the restore; returns its id.
   */
  async restore(spaceId: string, itemId: string, versionId: string): Promise<string | null> {
    return (await commands()).restoreItemVersion(this.ctx, spaceId, itemId, versionId);
  }

  /** The space's retention policy (HISTORY-3) and whether it is still the default. */
  async retention(spaceId: string): Promise<{ policy: RetentionPolicy; isDefault: boolean }> {
    return (await commands()).readRetention(this.ctx, spaceId);
  }

  /** Sets the space's retention policy (animateurs); the relay thins at once. */
  async setRetention(spaceId: string, policy: RetentionPolicy): Promise<void> {
    return (await commands()).writeRetention(this.ctx, spaceId, policy);
  }

  /**
   * Records the sessions of work on an item opened for a screen (TrameClient.openItem does it):
   * nothing loads until this writer's first local edit.
   */
  attach(spaceId: string, itemId: string, session: DocumentSessionLike): void {
    if (this.recordings.has(session)) return;
    let resolve!: (r: RecorderLike | null) => void;
    const rec: Recording = {
      recorder: new Promise<RecorderLike | null>((r) => (resolve = r)),
      loaded: null,
      loading: false,
      detach: () => {
        session.doc.off('update', onUpdate);
        resolve(null);
      },
    };
    const onUpdate = (_u: Uint8Array, _origin: unknown, _doc: unknown, tr: { local: boolean }): void => {
      if (!tr.local || !session.canWrite) return;
      session.doc.off('update', onUpdate);
      rec.loading = true;
      const startedAt = this.ctx.core.now();
      commands()
        .then((c) => c.startRecorder(this.ctx, spaceId, itemId, session, startedAt))
        .then((started) => {
          if (this.recordings.get(session) !== rec) {
            // Closed while loading: record that first session now, then stop.
            void started.stop();
            return resolve(null);
          }
          rec.loaded = started;
          resolve(started);
        })
        .catch((e: unknown) => {
          this.ctx.onError?.(e);
          resolve(null);
        });
    };
    session.doc.on('update', onUpdate);
    this.recordings.set(session, rec);
  }

  /** Stops recording an item being closed; its last session's version is written. */
  detach(session: DocumentSessionLike): Promise<string | null> {
    const rec = this.recordings.get(session);
    if (!rec) return Promise.resolve(null);
    this.recordings.delete(session);
    if (rec.loaded) return rec.loaded.stop();
    if (!rec.loading) rec.detach();
    return Promise.resolve(null);
  }

  /** The page goes away: every open item's session of work is written (best effort). */
  flushAll(): void {
    for (const rec of this.recordings.values()) void rec.loaded?.flush().catch(() => null);
  }
}
