import { Role } from '@trame/protocol';
import { ObservableV2 } from 'lib0/observable';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentSessionEvents, DocumentSessionLike, DocumentStatus } from '../sync/SyncApi.js';
import type { FakeSpaceSession } from './FakeSpaceSession.js';

const RELAY = Symbol('relay');

/** A document session over the fake relay, mirroring the relay's copy both ways, synchronously. */
export class FakeDocumentSession extends ObservableV2<DocumentSessionEvents> implements DocumentSessionLike {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly provider = null;
  status: DocumentStatus = 'saved';
  hasUnsavedChanges = false;
  destroyed = false;
  /** Calls of connect/disconnect/retryNow/saveNow, in order (network-state tests read them). */
  readonly calls: string[] = [];
  private readonly toRelay = (u: Uint8Array, origin: unknown): void => {
    if (origin !== RELAY) Y.applyUpdate(this.relayDoc, u, this);
  };
  private readonly fromRelay = (u: Uint8Array, origin: unknown): void => {
    if (origin !== this) Y.applyUpdate(this.doc, u, RELAY);
  };

  constructor(
    private readonly relayDoc: Y.Doc,
    private readonly space: FakeSpaceSession,
  ) {
    super();
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(relayDoc), RELAY);
    this.doc.on('update', this.toRelay);
    relayDoc.on('update', this.fromRelay);
  }

  /** Documents over the fake relay move to the new key at once. */
  get keyEpoch(): number {
    return this.space.epoch;
  }

  get canWrite(): boolean {
    return this.space.myRole === Role.Admin || this.space.myRole === Role.Editor;
  }

  /** The fake relay signs nothing: no client id has a known owner. */
  clientOwners(): ReadonlyMap<number, string> {
    return new Map();
  }

  whenLoaded = async (): Promise<void> => {};
  whenSynced = async (): Promise<void> => {};
  whenSaved = async (): Promise<void> => {};
  saveNow = async (): Promise<void> => {
    this.calls.push('saveNow');
  };
  connect(): void {
    this.calls.push('connect');
  }
  retryNow(): void {
    this.calls.push('retryNow');
  }
  disconnect(): void {
    this.calls.push('disconnect');
  }

  override destroy(): void {
    this.destroyed = true;
    this.doc.off('update', this.toRelay);
    this.relayDoc.off('update', this.fromRelay);
    super.destroy();
  }
}
