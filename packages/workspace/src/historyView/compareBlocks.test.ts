import { describe, expect, it } from 'vitest';
import type { AuthoredBlock } from './AuthoredBlock.js';
import { compareBlocks } from './compareBlocks.js';

const p = (text: string, kind: AuthoredBlock['kind'] = 'paragraph'): AuthoredBlock => ({
  kind,
  level: kind === 'heading' ? 1 : 0,
  spans: [{ text, author: null, marks: [] }],
});

describe('compareBlocks', () => {
  it('HISTORY-2: kept, added and removed blocks, in document order', () => {
    const c = compareBlocks([p('Titre', 'heading'), p('Un'), p('Deux')], [p('Titre', 'heading'), p('Deux'), p('Trois')]);
    expect(c.rows.map((r) => [r.op, r.parts.map((x) => x.text).join('')])).toEqual([
      ['same', 'Titre'],
      ['removed', 'Un'],
      ['same', 'Deux'],
      ['added', 'Trois'],
    ]);
    expect(c).toMatchObject({ added: 1, removed: 1, changed: 0 });
  });

  it('HISTORY-2: an edited paragraph shows the words added and removed inside it', () => {
    const c = compareBlocks([p('Rendez-vous samedi place du marché.')], [p('Rendez-vous dimanche place du marché.')]);
    expect(c.rows).toHaveLength(1);
    expect(c.rows[0]!.op).toBe('changed');
    expect(c.rows[0]!.parts).toEqual([
      { text: 'Rendez-vous ', op: 'same' },
      { text: 'samedi', op: 'removed' },
      { text: 'dimanche', op: 'added' },
      { text: ' place du marché.', op: 'same' },
    ]);
    expect(c).toMatchObject({ added: 0, removed: 0, changed: 1 });
  });

  it('HISTORY-2: a rewrite that keeps little is a removal and an addition, not an edit', () => {
    const c = compareBlocks([p('Tout autre chose ici')], [p('Rien à voir du tout')]);
    expect(c.rows.map((r) => r.op)).toEqual(['removed', 'added']);
  });

  it('HISTORY-2: a task ticked is a change of that block', () => {
    const t = (checked: boolean): AuthoredBlock => ({ ...p('Imprimer', 'task'), level: 1, checked });
    const c = compareBlocks([t(false)], [t(true)]);
    expect(c.rows).toEqual([
      { op: 'changed', kind: 'task', level: 1, checked: true, parts: [{ text: 'Imprimer', op: 'same' }] },
    ]);
  });
});
