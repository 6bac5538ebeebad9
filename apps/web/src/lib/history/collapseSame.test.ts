import { describe, expect, it } from 'vitest';
import { collapseSame } from './collapseSame';

const rows = (ops: string): Array<{ op: string; i: number }> =>
  [...ops].map((c, i) => ({ op: c === '=' ? 'same' : c === '+' ? 'added' : 'removed', i }));
const shape = (ops: string): string =>
  collapseSame(rows(ops))
    .map((s) => (s.folded ? `[${s.rows.length}]` : s.rows.map((r) => (r.op === 'same' ? '=' : r.op[0])).join('')))
    .join(' ');

describe('collapseSame', () => {
  it('HISTORY-2: long unchanged runs fold, one row of context around each change', () => {
    expect(shape('=====+===')).toBe('[4] = a = [2]');
    expect(shape('=====+=====-')).toBe('[4] = a = [3] = r');
    expect(shape('+==')).toBe('a ==');
    expect(shape('====')).toBe('====');
  });
});
