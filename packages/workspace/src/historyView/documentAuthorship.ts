import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../document/DOCUMENT_FIELD.js';
import type { AuthoredBlock, AuthoredSpan, BlockKind } from './AuthoredBlock.js';
import { pushSpan } from './pushSpan.js';
import { textSpans } from './textSpans.js';

interface Context {
  depth: number;
  quote: boolean;
}

const LISTS: Record<string, BlockKind> = { bulletList: 'bullet', orderedList: 'ordered', taskList: 'task' };

/**
 * HISTORY-2: a text document as blocks of runs, each run with the person who wrote it
 * (`authors`: the claims that count, from `readClientAuthors`, R115/R116; null where no claim
 * counts for the Yjs client id, e.g. text written before claims existed). Read from the same
 * Y.XmlFragment the editor binds (TipTap's schema).
 */
export function documentAuthorship(doc: Y.Doc, authors: ReadonlyMap<number, string>): AuthoredBlock[] {
  const out: AuthoredBlock[] = [];
  walk(doc.getXmlFragment(DOCUMENT_FIELD), { depth: 0, quote: false }, out, authors);
  return out;
}

function walk(
  parent: Y.XmlFragment | Y.XmlElement,
  ctx: Context,
  out: AuthoredBlock[],
  authors: ReadonlyMap<number, string>,
): void {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      out.push({ kind: 'paragraph', level: ctx.depth, spans: textSpans(child, authors) });
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue;
    const name = child.nodeName;
    const list = LISTS[name];
    if (name === 'heading') {
      const level = Number(child.getAttribute('level'));
      out.push({ kind: 'heading', level: level >= 1 && level <= 6 ? level : 1, spans: inline(child, authors) });
    } else if (name === 'paragraph') {
      out.push({ kind: ctx.quote ? 'quote' : 'paragraph', level: ctx.depth, spans: inline(child, authors) });
    } else if (name === 'codeBlock') {
      out.push({ kind: 'code', level: ctx.depth, spans: inline(child, authors) });
    } else if (name === 'horizontalRule') {
      out.push({ kind: 'rule', level: 0, spans: [] });
    } else if (name === 'blockquote') {
      walk(child, { ...ctx, quote: true }, out, authors);
    } else if (list) {
      const start = Number(child.getAttribute('start'));
      let n = Number.isFinite(start) && start > 0 ? start : 1;
      for (const li of child.toArray()) {
        if (!(li instanceof Y.XmlElement)) continue;
        const inner: AuthoredBlock[] = [];
        walk(li, { depth: ctx.depth + 1, quote: false }, inner, authors);
        const first = inner[0];
        if (first && (first.kind === 'paragraph' || first.kind === 'quote') && first.level === ctx.depth + 1) {
          first.kind = list;
          if (list === 'ordered') first.number = n;
          if (list === 'task') first.checked = isTrue(li.getAttribute('checked'));
        }
        n++;
        out.push(...inner);
      }
    } else if (name === 'table') {
      for (const row of child.toArray()) {
        if (row instanceof Y.XmlElement) out.push({ kind: 'row', level: 0, spans: rowSpans(row, authors) });
      }
    } else {
      walk(child, ctx, out, authors);
    }
  }
}

/** A block's inline content: its texts' runs, hard breaks as "\n". */
function inline(el: Y.XmlElement, authors: ReadonlyMap<number, string>): AuthoredSpan[] {
  const out: AuthoredSpan[] = [];
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) for (const s of textSpans(child, authors)) pushSpan(out, s);
    else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') {
        const client = child._item?.id.client;
        pushSpan(out, { text: '\n', author: client === undefined ? null : (authors.get(client) ?? null), marks: [] });
      } else for (const s of inline(child, authors)) pushSpan(out, s);
    }
  }
  return out;
}

/** A table row: each cell's text (its paragraphs joined by a space), cells separated by " | ". */
function rowSpans(row: Y.XmlElement, authors: ReadonlyMap<number, string>): AuthoredSpan[] {
  const out: AuthoredSpan[] = [];
  row.toArray().forEach((cell, i) => {
    if (!(cell instanceof Y.XmlElement)) return;
    if (i > 0) pushSpan(out, { text: ' | ', author: null, marks: ['label'] });
    cell.toArray().forEach((p, j) => {
      if (!(p instanceof Y.XmlElement)) return;
      if (j > 0) pushSpan(out, { text: ' ', author: null, marks: ['label'] });
      for (const s of inline(p, authors)) pushSpan(out, s);
    });
  });
  return out;
}

function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}
