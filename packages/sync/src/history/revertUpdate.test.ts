import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { restoreVersion } from './restoreVersion.js';
import { revertUpdate } from './revertUpdate.js';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('R114: restore as a new edit', () => {
  it('HISTORY-1: brings text, maps and XML back to a version, as one update of the restorer that a peer applies', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    alice.getText('t').insert(0, 'Version votée');
    alice.getMap('meta').set('title', 'Motion');
    const frag = alice.getXmlFragment('default');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Article 1')]);
    frag.insert(0, [p]);
    sync(alice, bob);
    const version = Y.encodeStateAsUpdate(alice);
    // Later edits by both, some deleting what the version had.
    bob.getText('t').delete(0, 8);
    bob.getText('t').insert(0, 'Brouillon ');
    alice.getMap('meta').set('title', 'Autre');
    alice.getMap('meta').set('extra', 1);
    frag.delete(0, 1);
    sync(alice, bob);
    expect(bob.getText('t').toString()).toBe('Brouillon votée');

    const before = Y.encodeStateVector(bob);
    expect(restoreVersion(bob, version)).toBe(true);
    expect(bob.getText('t').toString()).toBe('Version votée');
    expect(bob.getMap('meta').toJSON()).toEqual({ title: 'Motion' });
    expect(bob.getXmlFragment('default').toString()).toBe('<paragraph>Article 1</paragraph>');
    // The restore is only new structs of Bob's own client: nothing of the history is rewritten.
    const restore = Y.encodeStateAsUpdate(bob, before);
    const meta = Y.parseUpdateMeta(restore);
    expect([...meta.from.keys()]).toEqual([bob.clientID]);
    Y.applyUpdate(alice, restore);
    expect(alice.getText('t').toString()).toBe('Version votée');
    expect(alice.getXmlFragment('default').toString()).toBe('<paragraph>Article 1</paragraph>');
  });

  it('HISTORY-1: restoring the current content changes nothing', () => {
    const d = new Y.Doc();
    d.getText('t').insert(0, 'même texte');
    expect(revertUpdate(d, Y.encodeStateAsUpdate(d))).toBeNull();
  });

  it('HISTORY-1: a restore while a peer types keeps the peer edit made after it', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    alice.getText('t').insert(0, 'abc');
    sync(alice, bob);
    const version = Y.encodeStateAsUpdate(alice);
    alice.getText('t').insert(3, 'def');
    sync(alice, bob);
    // Bob types concurrently with Alice's restore.
    bob.getText('t').insert(6, 'XYZ');
    restoreVersion(alice, version);
    sync(alice, bob);
    expect(alice.getText('t').toString()).toBe('abcXYZ');
    expect(bob.getText('t').toString()).toBe('abcXYZ');
  });
});
