import type { PmNode } from '../document/PmNode.js';

/** Tiny builders for template content, so templates read like outlines. */
export const pm = {
  h: (level: number, text: string): PmNode => ({
    type: 'heading',
    attrs: { level },
    content: [{ type: 'text', text }],
  }),
  p: (text = '', bold?: string): PmNode => ({
    type: 'paragraph',
    content: [
      ...(bold ? [{ type: 'text', text: bold, marks: [{ type: 'bold' }] }] : []),
      ...(text ? [{ type: 'text', text }] : []),
    ],
  }),
  ul: (...items: string[]): PmNode => ({
    type: 'bulletList',
    content: items.map((t) => ({ type: 'listItem', content: [pm.p(t)] })),
  }),
  tasks: (...items: string[]): PmNode => ({
    type: 'taskList',
    content: items.map((t) => ({ type: 'taskItem', attrs: { checked: false }, content: [pm.p(t)] })),
  }),
  quote: (text: string): PmNode => ({ type: 'blockquote', content: [pm.p(text)] }),
  table: (header: string[], rows: string[][]): PmNode => ({
    type: 'table',
    content: [
      { type: 'tableRow', content: header.map((t) => ({ type: 'tableHeader', content: [pm.p(t)] })) },
      ...rows.map((r) => ({ type: 'tableRow', content: r.map((t) => ({ type: 'tableCell', content: [pm.p(t)] })) })),
    ],
  }),
  hr: (): PmNode => ({ type: 'horizontalRule' }),
};
