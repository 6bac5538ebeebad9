import { strFromU8, unzipSync } from 'fflate';
import type { PmNode } from '../document/PmNode.js';
import { documentSchema } from './documentSchema.js';
import { ExchangeError } from './ExchangeError.js';
import { IMPORT_LIMITS } from './IMPORT_LIMITS.js';
import { ODT_NS } from './ODT_NS.js';
import { readOdtStyles, type OdtStyles } from './readOdtStyles.js';

type Mark = NonNullable<PmNode['marks']>[number];

/**
 * Reads an OpenDocument text (.odt: ours, LibreOffice's, CryptPad's) into a document: headings,
 * paragraphs, quotations, preformatted text, bullet/numbered/task lists, tables, links and
 * bold/italic/underline/strike/code. Everything else keeps its text. Needs `DOMParser`.
 */
export function odtToDocument(bytes: Uint8Array): PmNode {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== 'content.xml' && f.name !== 'styles.xml') return false;
        if (f.originalSize > IMPORT_LIMITS.xmlBytes) throw new ExchangeError('IMPORT_TOO_LARGE', f.name);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ExchangeError) throw e;
    throw new ExchangeError('IMPORT_INVALID', 'not a zip archive', { cause: e });
  }
  const content = parts['content.xml'];
  if (!content) throw new ExchangeError('IMPORT_INVALID', 'no content.xml');
  const parse = (b: Uint8Array): Document => {
    const d = new DOMParser().parseFromString(strFromU8(b), 'application/xml');
    if (d.getElementsByTagName('parsererror').length > 0)
      throw new ExchangeError('IMPORT_INVALID', 'content.xml is not XML');
    return d;
  };
  const contentDoc = parse(content);
  const styles = readOdtStyles([parts['styles.xml'] ? parse(parts['styles.xml']) : null, contentDoc]);
  const text = contentDoc.getElementsByTagNameNS(ODT_NS.office, 'text')[0];
  if (!text) throw new ExchangeError('IMPORT_INVALID', 'no office:text');
  const blocks = readBlocks(text, styles);
  const doc: PmNode = { type: 'doc', content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }] };
  try {
    const node = documentSchema().nodeFromJSON(doc);
    node.check();
    return node.toJSON() as PmNode;
  } catch (e) {
    throw new ExchangeError('IMPORT_INVALID', 'unexpected structure', { cause: e });
  }
}

function children(el: Element): Element[] {
  return Array.from(el.children);
}

function is(el: Element, ns: keyof typeof ODT_NS, name: string): boolean {
  return el.namespaceURI === ODT_NS[ns] && el.localName === name;
}

function attr(el: Element, ns: keyof typeof ODT_NS, name: string): string {
  return el.getAttributeNS(ODT_NS[ns], name) ?? '';
}

function readBlocks(parent: Element, styles: OdtStyles): PmNode[] {
  const out: PmNode[] = [];
  for (const el of children(parent)) {
    if (is(el, 'text', 'h')) {
      const level = Math.min(3, Math.max(1, Number(attr(el, 'text', 'outline-level')) || 1));
      out.push({ type: 'heading', attrs: { level }, content: readInline(el, styles, []) });
    } else if (is(el, 'text', 'p')) {
      const kind = styles.paragraphKind(attr(el, 'text', 'style-name'));
      const inline = readInline(el, styles, []);
      if (kind === 'rule' && inline.length === 0) out.push({ type: 'horizontalRule' });
      else if (kind === 'code') {
        const t = inline.map((n) => (n.type === 'hardBreak' ? '\n' : (n.text ?? ''))).join('');
        const prev = out[out.length - 1];
        // LibreOffice writes one preformatted paragraph per line: join them into one block.
        if (prev?.type === 'codeBlock')
          prev.content = [{ type: 'text', text: `${prev.content?.[0]?.text ?? ''}\n${t}` }];
        else out.push({ type: 'codeBlock', content: t ? [{ type: 'text', text: t }] : [] });
      } else if (kind === 'quote') {
        const prev = out[out.length - 1];
        const p: PmNode = { type: 'paragraph', content: inline };
        if (prev?.type === 'blockquote') prev.content!.push(p);
        else out.push({ type: 'blockquote', content: [p] });
      } else out.push({ type: 'paragraph', content: inline });
    } else if (is(el, 'text', 'list')) {
      out.push(readList(el, styles, attr(el, 'text', 'style-name')));
    } else if (is(el, 'table', 'table')) {
      out.push(readTable(el, styles));
    } else if (
      is(el, 'text', 'section') ||
      is(el, 'text', 'index-body') ||
      el.localName.endsWith('-index') ||
      is(el, 'text', 'table-of-content')
    ) {
      out.push(...readBlocks(el, styles));
    }
  }
  return out;
}

function readList(el: Element, styles: OdtStyles, inherited: string): PmNode {
  const styleName = attr(el, 'text', 'style-name') || inherited;
  const kind = styles.listKind(styleName);
  const type = kind === 'number' ? 'orderedList' : kind === 'task' ? 'taskList' : 'bulletList';
  const items: PmNode[] = [];
  for (const li of children(el)) {
    if (!is(li, 'text', 'list-item') && !is(li, 'text', 'list-header')) continue;
    const content: PmNode[] = [];
    for (const c of children(li)) {
      if (is(c, 'text', 'list')) content.push(readList(c, styles, styleName));
      else content.push(...readBlocks(wrap(c), styles));
    }
    if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
    const override = attr(li, 'text', 'style-override');
    items.push(
      type === 'taskList'
        ? { type: 'taskItem', attrs: { checked: styles.listKind(override) === 'done' }, content }
        : { type: 'listItem', content },
    );
  }
  if (items.length === 0)
    items.push({ type: type === 'taskList' ? 'taskItem' : 'listItem', content: [{ type: 'paragraph' }] });
  return { type, content: items };
}

/** readBlocks walks children: give it a parent holding just this element. */
function wrap(el: Element): Element {
  const holder = el.ownerDocument.createElementNS(ODT_NS.office, 'office:text');
  holder.appendChild(el.cloneNode(true));
  return holder;
}

function readTable(el: Element, styles: OdtStyles): PmNode {
  const rows: PmNode[] = [];
  const walk = (parent: Element, header: boolean): void => {
    for (const c of children(parent)) {
      if (is(c, 'table', 'table-header-rows')) walk(c, true);
      else if (is(c, 'table', 'table-rows') || is(c, 'table', 'table-row-group')) walk(c, header);
      else if (is(c, 'table', 'table-row')) {
        const cells: PmNode[] = [];
        for (const cell of children(c)) {
          if (!is(cell, 'table', 'table-cell')) continue;
          const colspan = Math.max(1, Math.min(1000, Number(attr(cell, 'table', 'number-columns-spanned')) || 1));
          const blocks = readBlocks(cell, styles);
          cells.push({
            type: header ? 'tableHeader' : 'tableCell',
            attrs: { colspan, rowspan: 1, colwidth: null },
            content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }],
          });
        }
        if (cells.length > 0) rows.push({ type: 'tableRow', content: cells });
      }
    }
  };
  walk(el, false);
  if (rows.length === 0) return { type: 'paragraph' };
  return { type: 'table', content: rows };
}

function readInline(el: Element, styles: OdtStyles, marks: Mark[]): PmNode[] {
  const out: PmNode[] = [];
  const push = (text: string): void => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.type === 'text' && sameMarks(last.marks, marks)) last.text += text;
    else out.push(marks.length > 0 ? { type: 'text', text, marks: [...marks] } : { type: 'text', text });
  };
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) {
      push((node.textContent ?? '').replace(/[\n\r\t ]+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const c = node as Element;
    if (is(c, 'text', 's')) push(' '.repeat(Math.max(1, Math.min(1000, Number(attr(c, 'text', 'c')) || 1))));
    else if (is(c, 'text', 'tab')) push('\t');
    else if (is(c, 'text', 'line-break')) out.push({ type: 'hardBreak' });
    else if (is(c, 'text', 'span'))
      out.push(
        ...mergeInto(out, readInline(c, styles, withMarks(marks, styles.textMarks(attr(c, 'text', 'style-name'))))),
      );
    else if (is(c, 'text', 'a')) {
      const href = c.getAttributeNS(ODT_NS.xlink, 'href') ?? '';
      const link = /^(https?:|mailto:)/i.test(href) ? [{ type: 'link', attrs: { href } }] : [];
      out.push(...mergeInto(out, readInline(c, styles, withMarks(marks, link))));
    } else if (is(c, 'text', 'note') || is(c, 'office', 'annotation') || is(c, 'text', 'bookmark-start')) continue;
    else out.push(...mergeInto(out, readInline(c, styles, marks)));
  }
  return out;
}

function withMarks(marks: Mark[], more: Mark[]): Mark[] {
  return [...marks, ...more.filter((m) => !marks.some((x) => x.type === m.type))];
}

/** Joins the first new text node to the last one when their marks match. */
function mergeInto(out: PmNode[], more: PmNode[]): PmNode[] {
  const last = out[out.length - 1];
  const first = more[0];
  if (last?.type === 'text' && first?.type === 'text' && sameMarks(last.marks, first.marks)) {
    last.text = (last.text ?? '') + (first.text ?? '');
    return more.slice(1);
  }
  return more;
}

function sameMarks(a: Mark[] | undefined, b: Mark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}
