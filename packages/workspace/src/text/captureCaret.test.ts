import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextChange } from './applyTextChange.js';
import { captureCaret } from './captureCaret.js';
import { restoreCaret } from './restoreCaret.js';

const LOCAL = Symbol('field');

/** A textarea bound to a Y.Text as the web app binds it (YTextArea.svelte). */
class Field {
  value: string;
  start: number;
  end: number;
  constructor(
    readonly doc: Y.Doc,
    readonly text: Y.Text,
  ) {
    this.value = text.toString();
    this.start = this.end = this.value.length;
    doc.on('beforeTransaction', (tr: Y.Transaction) => {
      if (tr.origin === LOCAL) return;
      const caret = captureCaret(text, this.start, this.end);
      tr.doc.once('afterTransaction', () => {
        this.value = text.toString();
        ({ start: this.start, end: this.end } = restoreCaret(text, caret));
      });
    });
  }
  type(ch: string): void {
    this.value = this.value.slice(0, this.start) + ch + this.value.slice(this.end);
    this.start = this.end = this.start + ch.length;
    applyTextChange(this.text, this.value, LOCAL, this.end);
  }
}

function people(n: number, initial: string): Field[] {
  const docs = Array.from({ length: n }, () => new Y.Doc());
  docs[0]!.getText('t').insert(0, initial);
  for (const d of docs.slice(1)) Y.applyUpdate(d, Y.encodeStateAsUpdate(docs[0]!));
  return docs.map((d) => new Field(d, d.getText('t')));
}

/** Everyone types one character, then everyone receives what the others typed. */
function typeTogether(fields: Field[], sentences: string[]): void {
  const longest = Math.max(...sentences.map((s) => s.length));
  for (let i = 0; i < longest; i++) {
    const before = fields.map((f) => Y.encodeStateVector(f.doc));
    fields.forEach((f, k) => {
      const ch = sentences[k]![i];
      if (ch !== undefined) f.type(ch);
    });
    const updates = fields.map((f, k) => Y.encodeStateAsUpdate(f.doc, before[k]));
    fields.forEach((f, k) => updates.forEach((u, j) => j !== k && Y.applyUpdate(f.doc, u)));
  }
}

describe('captureCaret / restoreCaret', () => {
  it('MINUTES-1: three people typing at the same place keep their sentences whole', () => {
    const fields = people(3, 'Début.');
    const sentences = [
      ' Dominique ajoute une phrase.',
      ' Gaspard ajoute aussi une phrase.',
      ' Salomé tape sa propre ligne.',
    ];
    typeTogether(fields, sentences);
    const result = fields[0]!.text.toString();
    for (const f of fields) expect(f.value).toBe(result);
    expect(result.startsWith('Début.')).toBe(true);
    for (const s of sentences) expect(result).toContain(s);
    expect(result.length).toBe('Début.'.length + sentences.join('').length);
  });

  it('keeps a caret in place when someone types before it, and a selection around its text', () => {
    const [a, b] = people(2, 'bonjour tout le monde');
    a!.start = 8;
    a!.end = 12; // "tout"
    b!.start = b!.end = 0;
    b!.type('Oh ');
    Y.applyUpdate(a!.doc, Y.encodeStateAsUpdate(b!.doc));
    expect(a!.value.slice(a!.start, a!.end)).toBe('tout');
  });

  it('the changed span ends at the caret in a run of equal letters', () => {
    const doc = new Y.Doc();
    const t = doc.getText('t');
    t.insert(0, 'ssx');
    const deltas: unknown[] = [];
    t.observe((e) => deltas.push(e.delta));
    applyTextChange(t, 'sssx', LOCAL, 1);
    expect(deltas).toEqual([[{ insert: 's' }]]);
  });
});
