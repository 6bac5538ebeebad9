import { describe, expect, it } from 'vitest';
import * as sync from '@trame/sync';
import type { DocumentSessionLike, SpaceSessionLike, SyncApi } from './SyncApi.js';

// Type-level checks (run by `npm run check`): the real @trame/sync satisfies the structural
// contract @trame/workspace is written against. If the sync layer changes shape, this file
// stops compiling instead of the web app failing at run time.
const api: SyncApi<sync.SpaceSession> = sync;
type SpaceOk = sync.SpaceSession extends SpaceSessionLike ? true : never;
type DocumentOk = sync.DocumentSession extends DocumentSessionLike ? true : never;
const spaceOk: SpaceOk = true;
const documentOk: DocumentOk = true;

describe('the @trame/sync module satisfies SyncApi', () => {
  it('exposes the functions TrameClient calls', () => {
    expect(spaceOk && documentOk).toBe(true);
    expect(typeof api.SpaceSession.create).toBe('function');
    expect(typeof api.SpaceSession.open).toBe('function');
    expect(typeof api.SpaceSession.acceptInvite).toBe('function');
    expect(typeof api.openDocument).toBe('function');
    expect(api.newDocId()).toHaveLength(16);
  });
});
