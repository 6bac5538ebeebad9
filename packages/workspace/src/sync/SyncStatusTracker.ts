import type { ErrorCode, TrameError } from '@trame/protocol';
import type * as Y from 'yjs';
import type { DocumentSessionLike, DocumentStatus } from './SyncApi.js';
import { syncView, type SyncView } from './syncView.js';

/**
 * Follows one open document for its status line: the session's status, its last error, and
 * whether edits made while disconnected are waiting. (While the relay connection is down the
 * sync engine has not seen those edits yet, so `hasUnsavedChanges` alone would say nothing is
 * pending; this watches the doc for local changes instead.) Call {@link destroy} when done.
 */
export class SyncStatusTracker {
  private status: DocumentStatus;
  private lastError: ErrorCode | null = null;
  private editedOffline = false;
  private current: SyncView;

  /**
   * `isOnline` says whether the device has a network at all (the browser's `navigator.onLine`):
   * a document opened without one never starts connecting, and should say "offline", not
   * "connecting". Call {@link refresh} when it changes.
   */
  constructor(
    private readonly session: DocumentSessionLike,
    private readonly onChange: (view: SyncView) => void = () => {},
    private readonly isOnline: () => boolean = () => true,
  ) {
    this.status = session.status;
    this.current = this.compute();
    session.on('status', this.onStatus);
    session.on('error', this.onError);
    session.doc.on('update', this.onUpdate);
  }

  /** The status line's state now. */
  get view(): SyncView {
    return this.current;
  }

  /** Re-reads the network state (call on the browser's `online` / `offline` events). */
  refresh(): void {
    this.update();
  }

  destroy(): void {
    this.session.off('status', this.onStatus);
    this.session.off('error', this.onError);
    this.session.doc.off('update', this.onUpdate);
  }

  private readonly onStatus = (s: DocumentStatus): void => {
    this.status = s;
    if (s === 'saved') {
      this.editedOffline = false;
      // A refusal stays shown: the refused edits are still only on this device.
      if (this.lastError !== 'FORBIDDEN_ROLE' && this.lastError !== 'NOT_A_MEMBER') this.lastError = null;
    }
    this.update();
  };

  private readonly onError = (e: TrameError): void => {
    this.lastError = e.code;
    this.update();
  };

  private readonly onUpdate = (_u: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction): void => {
    if (!tr.local || ((this.status === 'saved' || this.status === 'saving') && this.isOnline())) return;
    this.editedOffline = true;
    this.update();
  };

  private compute(): SyncView {
    const online = this.isOnline();
    const status = this.status === 'connecting' && !online ? 'offline' : this.status;
    return syncView(status, this.lastError, this.editedOffline || this.session.hasUnsavedChanges, online);
  }

  private update(): void {
    const next = this.compute();
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    this.onChange(next);
  }
}
