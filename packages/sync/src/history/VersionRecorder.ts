import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { clientsOfUpdate } from './clientsOfUpdate.js';
import type { VersionDraft } from './HistoryClient.js';
import { DEFAULT_VERSION_POLICY, type VersionPolicy } from './VersionPolicy.js';

export interface VersionRecorderOptions {
  doc: Y.Doc;
  /** Verified awareness (R44): maps the others' Yjs client ids to their identities. */
  awareness?: Awareness;
  /** Hex identity of this writer. */
  selfId: string;
  /** Observers record nothing (the relay would refuse, R106). */
  canWrite: () => boolean;
  history: { save(draft: VersionDraft): Promise<string> };
  policy?: Partial<VersionPolicy>;
  now?: () => number;
  /** A local edit already started a session (the recorder was loaded on that first edit). */
  sessionStartedAt?: number;
  onSaved?: (versionId: string) => void;
  onError?: (error: unknown) => void;
}

/**
 * HISTORY-1 (R114): writes a version of a document at the end of each session of work of this
 * writer: after `idleMs` without a local edit, every `maxSessionMs` of continuous editing, and
 * when the item is left (`stop`). A version lists this writer and everyone whose edits arrived
 * since its previous one. Remote edits alone record nothing here: their writers' clients do.
 */
export class VersionRecorder {
  private readonly policy: VersionPolicy;
  private readonly now: () => number;
  private sessionStart: number | null = null;
  /** Yjs clients of others whose edits arrived since the last version (owners resolved at flush). */
  private readonly others = new Set<number>();
  private readonly owners = new Map<number, string>();
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private sessionTimer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(private readonly o: VersionRecorderOptions) {
    this.policy = { ...DEFAULT_VERSION_POLICY, ...o.policy };
    this.now = o.now ?? Date.now;
    this.owners.set(o.doc.clientID, o.selfId);
    o.doc.on('update', this.onUpdate);
    o.awareness?.on('change', this.onAwareness);
    this.onAwareness();
    if (o.sessionStartedAt !== undefined) this.startSession(o.sessionStartedAt);
  }

  private startSession(at: number): void {
    if (this.sessionStart === null) {
      this.sessionStart = at;
      this.sessionTimer = setTimeout(() => void this.flush().catch(() => {}), this.policy.maxSessionMs);
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.flush().catch(() => {}), this.policy.idleMs);
  }

  /** Whether local edits wait for their version. */
  get pending(): boolean {
    return this.sessionStart !== null;
  }

  private readonly onAwareness = (): void => {
    const states = this.o.awareness?.getStates();
    if (!states) return;
    for (const [client, state] of states) {
      const id = (state as { user?: { id?: unknown } }).user?.id;
      if (typeof id === 'string' && /^[0-9a-f]{64}$/.test(id)) this.owners.set(client, id);
    }
  };

  private readonly onUpdate = (update: Uint8Array, _origin: unknown, doc: Y.Doc, tr: Y.Transaction): void => {
    if (this.stopped) return;
    if (!tr.local) {
      for (const client of clientsOfUpdate(update)) if (client !== doc.clientID) this.others.add(client);
      return;
    }
    this.owners.set(doc.clientID, this.o.selfId);
    if (!this.o.canWrite()) return;
    this.startSession(this.now());
  };

  private clearTimers(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.sessionTimer) clearTimeout(this.sessionTimer);
    this.idleTimer = this.sessionTimer = null;
  }

  /**
   * Writes the version of the current session now, if there are local edits since the last one
   * (or always with `force`, e.g. to mark a restore). The state is taken at once (the document
   * may be closed right after); the upload is queued. Resolves with its id, or null.
   */
  flush(o: { force?: boolean; restoredFrom?: string | null } = {}): Promise<string | null> {
    if ((this.sessionStart === null && !o.force) || !this.o.canWrite()) return this.queue.then(() => null);
    const startAt = this.sessionStart ?? this.now();
    const others = [...this.others];
    this.clearTimers();
    this.sessionStart = null;
    this.others.clear();
    this.onAwareness();
    const authors = new Set([this.o.selfId]);
    for (const c of others) {
      const owner = this.owners.get(c);
      if (owner) authors.add(owner);
    }
    const draft: VersionDraft = {
      state: Y.encodeStateAsUpdate(this.o.doc),
      startAt,
      endAt: this.now(),
      authors: [...authors],
      restoredFrom: o.restoredFrom ?? null,
    };
    const run = this.queue.then(() => this.save(draft, others));
    this.queue = run.catch(() => {});
    return run;
  }

  private async save(draft: VersionDraft, others: number[]): Promise<string> {
    try {
      const id = await this.o.history.save(draft);
      this.o.onSaved?.(id);
      return id;
    } catch (e) {
      // The session stays unrecorded: the next flush writes it (with what came since).
      if (!this.stopped) {
        this.sessionStart ??= draft.startAt;
        for (const a of others) this.others.add(a);
      }
      this.o.onError?.(e);
      throw e;
    }
  }

  /** Stops listening and writes the last session's version (leaving the item). */
  async stop(): Promise<string | null> {
    if (this.stopped) return null;
    this.stopped = true;
    this.o.doc.off('update', this.onUpdate);
    this.o.awareness?.off('change', this.onAwareness);
    this.clearTimers();
    return this.flush().catch(() => null);
  }
}
