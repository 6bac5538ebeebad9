import type { PmNode } from '../document/PmNode.js';
import { escapeXml } from './escapeXml.js';

/** Text formatting marks and their ODF text properties (one automatic style per combination). */
const MARK_PROPS: Record<string, string> = {
  bold: 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"',
  italic: 'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"',
  underline:
    'style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"',
  strike: 'style:text-line-through-style="solid" style:text-line-through-type="single"',
  code: 'style:font-name="Liberation Mono" fo:font-family="\'Liberation Mono\'"',
};
const MARK_ORDER = Object.keys(MARK_PROPS);

/**
 * The `office:text` body and automatic styles of an .odt for a document (ProseMirror JSON).
 * Marks become automatic text styles named after their combination (`T_bold_italic`), which
 * {@link odtToDocument} reads back from their properties, as it does for LibreOffice's own.
 */
export function odtBodyXml(doc: PmNode): { body: string; automaticStyles: string } {
  const used = new Set<string>();
  let tables = 0;

  const inline = (nodes: readonly PmNode[] = []): string => {
    let out = '';
    let i = 0;
    while (i < nodes.length) {
      const href = linkOf(nodes[i]!);
      let run = '';
      while (i < nodes.length && linkOf(nodes[i]!) === href) run += leaf(nodes[i++]!);
      out += href
        ? `<text:a xlink:type="simple" xlink:href="${escapeXml(href)}" text:style-name="Internet_20_link">${run}</text:a>`
        : run;
    }
    return out;
  };

  const leaf = (n: PmNode): string => {
    if (n.type === 'hardBreak') return '<text:line-break/>';
    if (n.type !== 'text') return '';
    const marks = MARK_ORDER.filter((m) => n.marks?.some((x) => x.type === m));
    const text = spaces(n.text ?? '');
    if (marks.length === 0) return text;
    const name = `T_${marks.join('_')}`;
    used.add(name);
    return `<text:span text:style-name="${name}">${text}</text:span>`;
  };

  const para = (style: string, content?: PmNode[]): string =>
    `<text:p text:style-name="${style}">${inline(content)}</text:p>`;

  const block = (n: PmNode, ctx: { paraStyle: string }): string => {
    switch (n.type) {
      case 'heading': {
        const level = Math.min(3, Math.max(1, Number(n.attrs?.level) || 1));
        return `<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}">${inline(n.content)}</text:h>`;
      }
      case 'paragraph':
        return para(ctx.paraStyle, n.content);
      case 'blockquote':
        return blocks(n.content, { paraStyle: 'Quotations' });
      case 'codeBlock':
        return para('Preformatted_20_Text', n.content);
      case 'horizontalRule':
        return '<text:p text:style-name="Horizontal_20_Line"/>';
      case 'bulletList':
      case 'orderedList':
      case 'taskList': {
        const style = n.type === 'bulletList' ? 'L_bullet' : n.type === 'orderedList' ? 'L_number' : 'L_task';
        const items = (n.content ?? []).map((li) => {
          const override = li.type === 'taskItem' && li.attrs?.checked === true ? ' text:style-override="L_done"' : '';
          return `<text:list-item${override}>${blocks(li.content, ctx)}</text:list-item>`;
        });
        return `<text:list text:style-name="${style}">${items.join('')}</text:list>`;
      }
      case 'table':
        return table(n);
      default:
        return n.content ? blocks(n.content, ctx) : '';
    }
  };

  const blocks = (nodes: readonly PmNode[] = [], ctx: { paraStyle: string }): string =>
    nodes.map((n) => block(n, ctx)).join('');

  const table = (n: PmNode): string => {
    const rows = n.content ?? [];
    const width = Math.max(1, ...rows.map((r) => (r.content ?? []).reduce((s, c) => s + span(c), 0)));
    const row = (r: PmNode): string =>
      `<table:table-row>${(r.content ?? [])
        .map((c) => {
          const k = span(c);
          const style = c.type === 'tableHeader' ? 'Table_20_Heading' : 'Table_20_Contents';
          const spanned = k > 1 ? ` table:number-columns-spanned="${k}"` : '';
          const covered = '<table:covered-table-cell/>'.repeat(k - 1);
          return `<table:table-cell office:value-type="string"${spanned}>${blocks(c.content, { paraStyle: style })}</table:table-cell>${covered}`;
        })
        .join('')}</table:table-row>`;
    const isHeader = (r: PmNode): boolean =>
      (r.content ?? []).length > 0 && (r.content ?? []).every((c) => c.type === 'tableHeader');
    let head = 0;
    while (head < rows.length && isHeader(rows[head]!)) head++;
    tables++;
    const headXml =
      head > 0 ? `<table:table-header-rows>${rows.slice(0, head).map(row).join('')}</table:table-header-rows>` : '';
    return `<table:table table:name="Tableau${tables}" table:style-name="Table"><table:table-column table:number-columns-repeated="${width}"/>${headXml}${rows.slice(head).map(row).join('')}</table:table>`;
  };

  const body = blocks(doc.content, { paraStyle: 'Text_20_body' });
  const automaticStyles =
    '<style:style style:name="Table" style:family="table"><style:table-properties table:align="margins" fo:margin-bottom="0.2cm"/></style:style>' +
    [...used]
      .map((name) => {
        const props = name
          .slice(2)
          .split('_')
          .map((m) => MARK_PROPS[m])
          .join(' ');
        return `<style:style style:name="${name}" style:family="text"><style:text-properties ${props}/></style:style>`;
      })
      .join('');
  return { body, automaticStyles };
}

function linkOf(n: PmNode): string {
  const link = n.marks?.find((m) => m.type === 'link');
  return typeof link?.attrs?.href === 'string' ? link.attrs.href : '';
}

function span(cell: PmNode): number {
  return Math.max(1, Number(cell.attrs?.colspan) || 1);
}

/** ODF collapses runs of white space: keep them with `text:s` and `text:tab`. */
function spaces(s: string): string {
  return escapeXml(s)
    .replace(/\t/g, '<text:tab/>')
    .replace(/\n/g, '<text:line-break/>')
    .replace(/^ | {2,}/g, (m, offset: number) => {
      if (offset === 0 && m === ' ') return '<text:s/>';
      return ` <text:s text:c="${m.length - 1}"/>`;
    });
}
