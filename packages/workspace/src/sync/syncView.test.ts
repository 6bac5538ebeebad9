import { TrameError } from '@trame/protocol';
import { ObservableV2 } from 'lib0/observable';
import { Awareness } from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentSessionEvents, DocumentSessionLike, DocumentStatus } from './SyncApi.js';
import { SyncStatusTracker } from './SyncStatusTracker.js';
import { syncView } from './syncView.js';

describe('syncView (the status line)', () => {
  it('says saved, sending, offline with or without pending edits', () => {
    expect(syncView('saved', null, false)).toEqual({ kind: 'saved' });
    expect(syncView('saving', null, true)).toEqual({ kind: 'saving' });
    expect(syncView('offline', null, true)).toEqual({ kind: 'offline', pending: true });
    expect(syncView('offline', null, false)).toEqual({ kind: 'offline', pending: false });
    expect(syncView('connecting', null, false)).toEqual({ kind: 'connecting' });
    expect(syncView('connecting', null, true)).toEqual({ kind: 'offline', pending: true });
  });

  it('shows refusals and fatal errors, not reports the engine recovers from', () => {
    expect(syncView('saved', 'RATE_LIMITED', false)).toEqual({ kind: 'saved' });
    expect(syncView('saved', 'AWARENESS_FORGED', false)).toEqual({ kind: 'saved' });
    expect(syncView('saved', 'FORBIDDEN_ROLE', false)).toEqual({ kind: 'refused', code: 'FORBIDDEN_ROLE' });
    expect(syncView('saved', 'NOT_A_MEMBER', false)).toEqual({ kind: 'error', code: 'NOT_A_MEMBER' });
    expect(syncView('error', 'ROLLBACK_DETECTED', false)).toEqual({ kind: 'error', code: 'ROLLBACK_DETECTED' });
    expect(syncView('error', null, false)).toEqual({ kind: 'error', code: 'INTERNAL' });
  });
});

class FakeSession extends ObservableV2<DocumentSessionEvents> implements DocumentSessionLike {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly provider = null;
  status: DocumentStatus = 'connecting';
  canWrite = true;
  hasUnsavedChanges = false;
  keyEpoch = 0;
  clientOwners = (): ReadonlyMap<number, string> => new Map();
  whenLoaded = async (): Promise<void> => {};
  whenSynced = async (): Promise<void> => {};
  whenSaved = async (): Promise<void> => {};
  saveNow = async (): Promise<void> => {};
  connect(): void {}
  retryNow(): void {}
  disconnect(): void {}
  set(s: DocumentStatus): void {
    this.status = s;
    this.emit('status', [s]);
  }
}

describe('SyncStatusTracker', () => {
  it('counts edits made while disconnected as pending until the relay has them', () => {
    const s = new FakeSession();
    const seen: string[] = [];
    const t = new SyncStatusTracker(s, (v) => seen.push(v.kind + ('pending' in v && v.pending ? '+pending' : '')));
    s.set('saved');
    s.doc.getText('t').insert(0, 'en ligne');
    expect(t.view).toEqual({ kind: 'saved' });
    s.set('offline');
    expect(t.view).toEqual({ kind: 'unreachable', pending: false });
    s.doc.getText('t').insert(0, 'hors ligne ');
    expect(t.view).toEqual({ kind: 'unreachable', pending: true });
    // remote (non-local) changes do not count
    const other = new Y.Doc();
    other.getText('t').insert(0, 'x');
    s.set('connecting');
    Y.applyUpdate(s.doc, Y.encodeStateAsUpdate(other), 'remote');
    expect(t.view).toEqual({ kind: 'unreachable', pending: true });
    s.set('saving');
    s.set('saved');
    expect(t.view).toEqual({ kind: 'saved' });
    expect(seen).toEqual(['saved', 'unreachable', 'unreachable+pending', 'saving', 'saved']);
    t.destroy();
  });

  it('keeps a refusal shown after the status settles, clears other errors on saved', () => {
    const s = new FakeSession();
    const t = new SyncStatusTracker(s);
    s.set('saved');
    s.emit('error', [new TrameError('RATE_LIMITED')]);
    s.set('saved');
    expect(t.view).toEqual({ kind: 'saved' });
    s.emit('error', [new TrameError('FORBIDDEN_ROLE')]);
    s.set('saving');
    s.set('saved');
    expect(t.view).toEqual({ kind: 'refused', code: 'FORBIDDEN_ROLE' });
    t.destroy();
  });

  it('says offline, not connecting, for a document opened without a network', () => {
    const s = new FakeSession();
    let online = false;
    const t = new SyncStatusTracker(
      s,
      () => {},
      () => online,
    );
    expect(t.view).toEqual({ kind: 'offline', pending: false });
    s.doc.getText('t').insert(0, 'écrit dans le métro');
    expect(t.view).toEqual({ kind: 'offline', pending: true });
    online = true;
    t.refresh();
    // MINUTES-4 (d): a network but no relay is not "offline".
    expect(t.view).toEqual({ kind: 'unreachable', pending: true });
    s.set('saved');
    expect(t.view).toEqual({ kind: 'saved' });
    t.destroy();
  });

  it('MINUTES-4: tells "no network" from "server unreachable"', () => {
    const s = new FakeSession();
    let online = true;
    const t = new SyncStatusTracker(
      s,
      () => {},
      () => online,
    );
    s.set('saved');
    s.set('offline');
    expect(t.view).toEqual({ kind: 'unreachable', pending: false });
    s.doc.getText('t').insert(0, 'gardé');
    expect(t.view).toEqual({ kind: 'unreachable', pending: true });
    online = false;
    t.refresh();
    expect(t.view).toEqual({ kind: 'offline', pending: true });
    t.destroy();
  });
});
