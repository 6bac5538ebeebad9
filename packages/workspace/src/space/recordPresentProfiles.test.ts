import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDocs } from '../testing/syncDocs.js';
import { readProfiles } from './readProfiles.js';
import { recordPresentProfiles } from './recordPresentProfiles.js';
import { setProfile } from './setProfile.js';

const members = new Set(['alice', 'bob', 'claire']);
const opts = { myId: 'alice', isMember: (id: string) => members.has(id) };
const state = (id: string, name: string, color = '#123456'): unknown => ({ user: { id, name, color } });

describe('recordPresentProfiles (observers cannot write their own profile)', () => {
  it('records a present member without a profile, and only members', () => {
    const doc = new Y.Doc();
    const n = recordPresentProfiles(
      doc,
      [state('alice', 'Alice'), state('claire', '  Claire  '), state('mallory', 'Mallory'), { cursor: null }, null],
      opts,
    );
    expect(n).toBe(1);
    const p = readProfiles(doc);
    expect([...p.keys()]).toEqual(['claire']);
    expect(p.get('claire')).toMatchObject({ displayName: 'Claire', colour: '#123456' });
  });

  it('never overwrites a profile the member wrote, follows a witnessed one, writes no no-ops', () => {
    const doc = new Y.Doc();
    setProfile(doc, { id: 'bob', displayName: 'Bob', colour: '#000000' });
    recordPresentProfiles(doc, [state('bob', 'Robert'), state('claire', 'Claire')], opts);
    expect(readProfiles(doc).get('bob')?.displayName).toBe('Bob');
    let updates = 0;
    doc.on('update', () => updates++);
    expect(recordPresentProfiles(doc, [state('claire', 'Claire')], opts)).toBe(0);
    expect(updates).toBe(0);
    recordPresentProfiles(doc, [state('claire', 'Claire D.')], opts);
    expect(readProfiles(doc).get('claire')?.displayName).toBe('Claire D.');
    // once Claire can write and publishes her own profile, it is hers
    setProfile(doc, { id: 'claire', displayName: 'Claire Dupont', colour: '#111111' });
    recordPresentProfiles(doc, [state('claire', 'Claire D.')], opts);
    expect(readProfiles(doc).get('claire')?.displayName).toBe('Claire Dupont');
  });

  it('two writers recording the same observer at once converge on one profile', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    recordPresentProfiles(a, [state('claire', 'Claire')], opts);
    recordPresentProfiles(b, [state('claire', 'Claire')], { ...opts, myId: 'bob' });
    syncDocs(a, b);
    expect(readProfiles(a).get('claire')).toEqual(readProfiles(b).get('claire'));
    expect(readProfiles(a).get('claire')?.displayName).toBe('Claire');
  });
});
