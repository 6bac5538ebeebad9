import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshotExtends } from './snapshotExtends.js';

const owners = new Map<number, string>([
  [7, 'aa'.repeat(32)],
  [9, 'aa'.repeat(32)],
]);
const mallory = 'bb'.repeat(32);
const sameYjsContent = (a: Y.Doc, b: Y.Doc): boolean => snapshotExtends(a, b, mallory, owners);

function typed(clientId: number, steps: Array<(t: Y.Text) => void>, sink: Y.Doc[]): Uint8Array[] {
  const d = new Y.Doc();
  d.clientID = clientId;
  const updates: Uint8Array[] = [];
  d.on('update', (u: Uint8Array) => updates.push(u));
  for (const step of steps) step(d.getText('t'));
  sink.push(d);
  return updates;
}

describe('snapshotExtends: same content however split', () => {
  it('R54: the same history applied keystroke by keystroke or as one state is the same content', () => {
    const docs: Y.Doc[] = [];
    const updates = typed(
      7,
      [
        (t) => t.insert(0, 'Rendez-vous '),
        (t) => t.insert(12, 'à 18h'),
        (t) => t.delete(0, 5),
        (t) => t.format(0, 3, { bold: true }),
      ],
      docs,
    );
    const incremental = new Y.Doc();
    for (const u of updates) Y.applyUpdate(incremental, u);
    const whole = new Y.Doc();
    Y.applyUpdate(whole, Y.encodeStateAsUpdate(docs[0]!));
    expect(sameYjsContent(incremental, whole)).toBe(true);
  });

  it("R54: a state that rewrites an author's sentence under the author's client id differs", () => {
    const docs: Y.Doc[] = [];
    typed(7, [(t) => t.insert(0, '18h, place de la Mairie')], docs);
    typed(7, [(t) => t.insert(0, '23h, devant le commissariat')], docs);
    const held = new Y.Doc();
    Y.applyUpdate(held, Y.encodeStateAsUpdate(docs[0]!));
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(docs[1]!));
    expect(sameYjsContent(held, forged)).toBe(false);
  });

  it('R54: a state missing or adding an update differs', () => {
    const docs: Y.Doc[] = [];
    const updates = typed(9, [(t) => t.insert(0, 'a'), (t) => t.insert(1, 'b')], docs);
    const partial = new Y.Doc();
    Y.applyUpdate(partial, updates[0]!);
    const full = new Y.Doc();
    Y.applyUpdate(full, Y.encodeStateAsUpdate(docs[0]!));
    expect(sameYjsContent(partial, full)).toBe(false);
  });
});
