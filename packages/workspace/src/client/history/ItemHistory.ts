import * as Y from 'yjs';
import { fromHex, type RetentionPolicy } from '@trame/protocol';
import type { VersionInfo, VersionPolicy } from '@trame/sync/history';
import type { DocumentSessionLike, SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';

const commands = () => import('./historyCommands.js');

/** What the history facade needs besides the client core. */
export interface ItemHistoryOptions<S extends SpaceSessionLike> {
  core: ClientCore<S>;
  /** The session of an item open on screen, if any. */
  openSession(spaceId: string, itemId: string): DocumentSessionLike | null;
  /** R114: when versions are written (tests shorten it). */
  policy?: Partial<VersionPolicy>;
  /** Failures of automatic versions (offline, refused): retried at the next session's end. */
  onError?: (error: unknown) => void;
}

interface RecorderLike {
  flush(o?: { force?: boolean; restoredFrom?: string | null }): Promise<string | null>;
  stop(): Promise<string | null>;
}

interface Recording {
  spaceId: string;
  itemId: string;
  recorder: Promise<RecorderLike | null>;
  /** The recorder once loaded (set synchronously, so closing takes the state before destroy). */
  loaded: RecorderLike | null;
  detach(): void;
}

/**
 * HISTORY-1/3 for screens (`client.history`): the timeline of an item (documents, boards,
 * minutes), a version's state for a read-only preview, naming, restoring as a new edit, and the
 * space's retention policy. Versions of items opened with `openItem` by a writer are recorded
 * automatically at the end of each session of work. The code loads on first use.
 */
export class ItemHistory<S extends SpaceSessionLike = SpaceSessionLike> {
  private readonly recordings = new Map<DocumentSessionLike, Recording>();

  constructor(private readonly o: ItemHistoryOptions<S>) {}

  private async client(spaceId: string, itemId: string) {
    const [{ historyOf }, space] = await Promise.all([commands(), this.o.core.openSpace(spaceId)]);
    return historyOf(space.session, itemId);
  }

  /**
   * Authors, writer and namer as person ids: with linked devices (DEVICES-2) versions are signed
   * by device keys, which the space's verified log maps to their person (`personOf`).
   */
  private async asPersons(spaceId: string, versions: VersionInfo[]): Promise<VersionInfo[]> {
    const session = (await this.o.core.openSpace(spaceId)).session as unknown as {
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

  /** Verified versions of an item, newest first. */
  async list(spaceId: string, itemId: string): Promise<VersionInfo[]> {
    return this.asPersons(spaceId, await (await this.client(spaceId, itemId)).list());
  }

  /** A version's Yjs state (v1): `Y.applyUpdate(new Y.Doc(), state)` gives a read-only copy. */
  async load(spaceId: string, itemId: string, versionId: string): Promise<Uint8Array> {
    return (await (await this.client(spaceId, itemId)).load(versionId)).state;
  }

  /** A version with its description (who, when, name). */
  async loadWithInfo(spaceId: string, itemId: string, versionId: string): Promise<{ info: VersionInfo; state: Uint8Array }> {
    const { info, state } = await (await this.client(spaceId, itemId)).load(versionId);
    const [mapped] = await this.asPersons(spaceId, [info]);
    return { info: mapped!, state };
  }

  /** Names a version ("Version votée en AG du 3 décembre"): it is never thinned. Writers only. */
  async name(spaceId: string, itemId: string, versionId: string, name: string): Promise<void> {
    await (await this.client(spaceId, itemId)).name(versionId, name);
  }

  /** Records a version of an open item now (before a restore, or a "save a version" button). */
  async saveNow(spaceId: string, itemId: string): Promise<string | null> {
    const session = this.o.openSession(spaceId, itemId);
    // A recorder exists once this writer edited; before that there is no session to close.
    const recorder = session ? this.recordings.get(session)?.loaded : null;
    if (recorder) return recorder.flush({ force: true });
    if (!session) return null;
    const history = await this.client(spaceId, itemId);
    return history.save({
      state: Y.encodeStateAsUpdate(session.doc),
      startAt: this.o.core.now(),
      endAt: this.o.core.now(),
      authors: [this.o.core.myId],
    });
  }

  /**
   * R114: restores a version as a new edit of this writer, which everyone with the item open
   * receives live; nothing of the history is rewritten. The item is opened for the time of the
   * restore if no screen has it open. Records a version marking the restore; returns its id.
   */
  async restore(spaceId: string, itemId: string, versionId: string): Promise<string | null> {
    const history = await this.client(spaceId, itemId);
    const { applyRestore } = await commands();
    const { state } = await history.load(versionId);
    let session = this.o.openSession(spaceId, itemId);
    let temporary = false;
    if (!session) {
      const space = await this.o.core.openSpace(spaceId);
      session = this.o.core.openDoc(space.session, fromHex(itemId));
      temporary = true;
      await this.o.core.settleSynced(session);
    }
    try {
      if (!session.canWrite) {
        const { HistoryError } = await commands();
        throw new HistoryError('HISTORY_FORBIDDEN', 'observers cannot restore');
      }
      await session.whenSynced();
      const changed = applyRestore(session, state);
      const rec = this.recordings.get(session);
      // The restore is a local edit: it started (or loads) this item's recorder, which records it.
      const recorder = rec && (rec.loaded || changed) ? await rec.recorder : null;
      if (recorder) return await recorder.flush({ force: true, restoredFrom: versionId });
      return await history.save({
        state: Y.encodeStateAsUpdate(session.doc),
        startAt: this.o.core.now(),
        endAt: this.o.core.now(),
        authors: [this.o.core.myId],
        restoredFrom: versionId,
      });
    } finally {
      if (temporary) {
        await this.o.core.settle(session);
        session.destroy();
      }
    }
  }

  /** The space's retention policy (HISTORY-3) and whether it is still the default. */
  async retention(spaceId: string): Promise<{ policy: RetentionPolicy; isDefault: boolean }> {
    return (await this.client(spaceId, '00'.repeat(16))).retention();
  }

  /** Sets the space's retention policy (animateurs); the relay thins at once. */
  async setRetention(spaceId: string, policy: RetentionPolicy): Promise<void> {
    await (await this.client(spaceId, '00'.repeat(16))).setRetention(policy);
  }

  /**
   * Records the sessions of work on an item opened for a screen (TrameClient.openItem does it):
   * nothing loads until this writer's first local edit.
   */
  attach(spaceId: string, itemId: string, session: DocumentSessionLike): void {
    if (this.recordings.has(session)) return;
    let resolve!: (r: RecorderLike | null) => void;
    const recorder = new Promise<RecorderLike | null>((r) => (resolve = r));
    const onUpdate = (_u: Uint8Array, _origin: unknown, _doc: unknown, tr: { local: boolean }): void => {
      if (!tr.local || !session.canWrite) return;
      session.doc.off('update', onUpdate);
      const startedAt = this.o.core.now();
      void Promise.all([commands(), this.o.core.openSpace(spaceId)])
        .then(([c, space]) => {
          if (!this.recordings.has(session)) return resolve(null);
          const history = c.historyOf(space.session, itemId);
          const started = c.startRecorder(history, session, {
            selfId: this.o.core.myId,
            startedAt,
            ...(this.o.policy ? { policy: this.o.policy } : {}),
            ...(this.o.onError ? { onError: this.o.onError } : {}),
          });
          const rec = this.recordings.get(session);
          if (rec) rec.loaded = started;
          resolve(started);
        })
        .catch((e: unknown) => {
          this.o.onError?.(e);
          resolve(null);
        });
    };
    session.doc.on('update', onUpdate);
    this.recordings.set(session, {
      spaceId,
      itemId,
      recorder,
      loaded: null,
      detach: () => {
        session.doc.off('update', onUpdate);
        resolve(null);
      },
    });
  }

  /** Stops recording an item being closed; its last session's version is written. */
  detach(session: DocumentSessionLike): Promise<string | null> {
    const rec = this.recordings.get(session);
    if (!rec) return Promise.resolve(null);
    this.recordings.delete(session);
    if (rec.loaded) return rec.loaded.stop();
    rec.detach();
    return rec.recorder.then((r) => (r ? r.stop() : null));
  }

  /** The page goes away: every open item's session of work is written (best effort). */
  flushAll(): void {
    for (const rec of this.recordings.values()) void rec.recorder.then((r) => r?.flush().catch(() => null));
  }
}
