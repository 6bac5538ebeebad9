import type { PmNode } from '../document/PmNode.js';
import { ODT_NS } from './ODT_NS.js';

type Mark = NonNullable<PmNode['marks']>[number];

/** What an .odt's styles mean for the document schema. */
export interface OdtStyles {
  /** Marks carried by a text style (bold, italic, underline, strike, code). */
  textMarks(name: string): Mark[];
  /** A paragraph style's role, following parent styles. */
  paragraphKind(name: string): 'quote' | 'code' | 'rule' | 'text';
  /** A list style's kind at its first level. */
  listKind(name: string): 'number' | 'bullet' | 'task' | 'done';
}

interface StyleInfo {
  family: string;
  parent: string;
  marks: Mark[];
}

/**
 * Reads the named and automatic styles of an .odt (styles.xml, then content.xml, which may
 * override): what text styles look like and which named paragraph style each one derives
 * from, so LibreOffice's `P3` (parent "Quotations") reads as a quotation.
 */
export function readOdtStyles(docs: ReadonlyArray<Document | null>): OdtStyles {
  const styles = new Map<string, StyleInfo>();
  const lists = new Map<string, 'number' | 'bullet'>();
  for (const d of docs) {
    if (!d) continue;
    for (const s of Array.from(d.getElementsByTagNameNS(ODT_NS.style, 'style'))) {
      const props = s.getElementsByTagNameNS(ODT_NS.style, 'text-properties')[0];
      styles.set(s.getAttributeNS(ODT_NS.style, 'name') ?? '', {
        family: s.getAttributeNS(ODT_NS.style, 'family') ?? '',
        parent: s.getAttributeNS(ODT_NS.style, 'parent-style-name') ?? '',
        marks: props ? marksOf(props) : [],
      });
    }
    for (const l of Array.from(d.getElementsByTagNameNS(ODT_NS.text, 'list-style'))) {
      const first = Array.from(l.children)[0];
      lists.set(
        l.getAttributeNS(ODT_NS.style, 'name') ?? '',
        first?.localName === 'list-level-style-number' ? 'number' : 'bullet',
      );
    }
  }
  const chain = (name: string): string[] => {
    const out: string[] = [];
    for (let n = name; n && !out.includes(n) && out.length < 20; n = styles.get(n)?.parent ?? '') out.push(n);
    return out;
  };
  return {
    textMarks: (name) => {
      const out: Mark[] = [];
      for (const n of chain(name))
        for (const m of styles.get(n)?.marks ?? []) if (!out.some((x) => x.type === m.type)) out.push(m);
      return out;
    },
    paragraphKind: (name) => {
      for (const n of chain(name)) {
        if (n === 'Quotations') return 'quote';
        if (n === 'Preformatted_20_Text' || n === 'Source_20_Text') return 'code';
        if (n === 'Horizontal_20_Line') return 'rule';
      }
      return 'text';
    },
    listKind: (name) => {
      if (name === 'L_task') return 'task';
      if (name === 'L_done') return 'done';
      return lists.get(name) ?? 'bullet';
    },
  };
}

function marksOf(p: Element): Mark[] {
  const get = (ns: string, n: string): string => p.getAttributeNS(ns, n) ?? '';
  const marks: Mark[] = [];
  const weight = get(ODT_NS.fo, 'font-weight');
  if (weight === 'bold' || Number(weight) >= 600) marks.push({ type: 'bold' });
  if (get(ODT_NS.fo, 'font-style') === 'italic') marks.push({ type: 'italic' });
  const under = get(ODT_NS.style, 'text-underline-style');
  if (under && under !== 'none') marks.push({ type: 'underline' });
  const strike = get(ODT_NS.style, 'text-line-through-style');
  if (strike && strike !== 'none') marks.push({ type: 'strike' });
  const font = `${get(ODT_NS.style, 'font-name')} ${get(ODT_NS.fo, 'font-family')}`;
  if (/mono|courier/i.test(font)) marks.push({ type: 'code' });
  return marks;
}
