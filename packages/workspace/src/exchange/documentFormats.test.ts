// @vitest-environment jsdom
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PmNode } from '../document/PmNode.js';
import { writeDocumentContent } from '../document/writeDocumentContent.js';
import { documentJson } from './documentJson.js';
import { documentToHtml } from './documentToHtml.js';
import { documentToMarkdown } from './documentToMarkdown.js';
import { documentToOdt } from './documentToOdt.js';
import { htmlToDocument } from './htmlToDocument.js';
import { markdownToDocument } from './markdownToDocument.js';
import { odtToDocument } from './odtToDocument.js';

const t = (text: string, ...marks: string[]): PmNode =>
  marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text };
const p = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
const li = (type: string, text: string, checked?: boolean): PmNode => ({
  type,
  ...(checked === undefined ? {} : { attrs: { checked } }),
  content: [p(t(text))],
});

/** Every structure the issue names: headings, marks, links, lists, task lists, tables. */
const SAMPLE: PmNode[] = [
  { type: 'heading', attrs: { level: 1 }, content: [t('Manif du 12 décembre')] },
  p(t('Rendez-vous '), t('place de la Mairie', 'bold'), t(' à '), t('14 h', 'italic'), t('.')),
  p(
    t('Voir '),
    { type: 'text', text: 'le tract', marks: [{ type: 'link', attrs: { href: 'https://example.org/tract' } }] },
    t(' & <la carte>.'),
  ),
  { type: 'heading', attrs: { level: 2 }, content: [t('Matériel')] },
  { type: 'bulletList', content: [li('listItem', 'Banderoles'), li('listItem', 'Mégaphone')] },
  {
    type: 'orderedList',
    attrs: { start: 1, type: null },
    content: [li('listItem', 'Déclarer en préfecture'), li('listItem', 'Prévenir la legal team')],
  },
  { type: 'heading', attrs: { level: 3 }, content: [t('À faire')] },
  {
    type: 'taskList',
    content: [li('taskItem', 'Imprimer les tracts', true), li('taskItem', 'Réserver la sono', false)],
  },
  {
    type: 'table',
    content: [
      {
        type: 'tableRow',
        content: [
          { type: 'tableHeader', content: [p(t('Qui'))] },
          { type: 'tableHeader', content: [p(t('Quoi'))] },
        ],
      },
      {
        type: 'tableRow',
        content: [
          { type: 'tableCell', content: [p(t('Awa'))] },
          { type: 'tableCell', content: [p(t('Sono'))] },
        ],
      },
    ],
  },
  { type: 'blockquote', content: [p(t('Pas de violence.'))] },
];

/** What must survive a round trip: node types, heading levels, checked state, text, marks, links. */
function structure(n: PmNode): unknown {
  if (n.type === 'text') {
    const marks = (n.marks ?? []).map((m) => (m.type === 'link' ? `link:${String(m.attrs?.href)}` : m.type)).sort();
    return marks.length ? { text: n.text, marks } : n.text;
  }
  const out: Record<string, unknown> = { type: n.type };
  if (n.type === 'heading') out.level = n.attrs?.level;
  if (n.type === 'taskItem') out.checked = n.attrs?.checked;
  const content = mergeText(n.content ?? []);
  if (content.length) out.content = content.map(structure);
  return out;
}

function mergeText(nodes: PmNode[]): PmNode[] {
  const out: PmNode[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (
      n.type === 'text' &&
      last?.type === 'text' &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(n.marks ?? [])
    )
      out[out.length - 1] = { ...last, text: `${last.text}${n.text}` };
    else out.push(n);
  }
  return out;
}

function sampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  writeDocumentContent(doc, SAMPLE);
  return doc;
}

describe('EXPORT-1 / IMPORT-1: document formats', () => {
  const json = documentJson(sampleDoc());
  const expected = structure({ type: 'doc', content: SAMPLE });

  it('reads the Y.Doc as the editor does', () => {
    expect(structure(json)).toEqual(expected);
  });

  it('EXPORT-1: Markdown keeps headings, lists, task lists, tables and links, and reads back the same', () => {
    const md = documentToMarkdown(json);
    expect(md).toContain('# Manif du 12 décembre');
    expect(md).toContain('**place de la Mairie**');
    expect(md).toContain('[le tract](https://example.org/tract)');
    expect(md).toContain('- [x] Imprimer les tracts');
    expect(md).toContain('- [ ] Réserver la sono');
    expect(md).toMatch(/\| Qui +\| Quoi +\|/);
    expect(structure(markdownToDocument(md))).toEqual(expected);
  });

  it('EXPORT-1: HTML is a standalone page and reads back the same', () => {
    const html = documentToHtml(json, 'Manif <12/12>');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Manif &lt;12/12&gt;</title>');
    expect(html).toContain('<h1>Manif du 12 décembre</h1>');
    expect(html).not.toMatch(/<script/i);
    expect(structure(htmlToDocument(html))).toEqual(expected);
  });

  it('EXPORT-1: .odt is an OpenDocument package whose content.xml has the headings, and reads back the same', () => {
    const odt = documentToOdt(json, 'Manif');
    // ODF packaging: `mimetype` first, stored, so tools can sniff the type at offset 38.
    expect(strFromU8(odt.subarray(30, 38))).toBe('mimetype');
    expect(strFromU8(odt.subarray(38, 38 + 39))).toBe('application/vnd.oasis.opendocument.text');
    const files = unzipSync(odt);
    expect(Object.keys(files).sort()).toEqual([
      'META-INF/manifest.xml',
      'content.xml',
      'meta.xml',
      'mimetype',
      'styles.xml',
    ]);
    const content = strFromU8(files['content.xml']!);
    expect(content).toContain(
      '<text:h text:style-name="Heading_20_1" text:outline-level="1">Manif du 12 décembre</text:h>',
    );
    expect(content).toContain('xlink:href="https://example.org/tract"');
    expect(content).toContain('&amp; &lt;la carte&gt;.');
    expect(
      new DOMParser().parseFromString(content, 'application/xml').getElementsByTagName('parsererror'),
    ).toHaveLength(0);
    expect(structure(odtToDocument(odt))).toEqual(expected);
  });

  it('IMPORT-1: .odt keeps runs of spaces, tabs and line breaks', () => {
    const doc: PmNode = { type: 'doc', content: [p(t('  a   b\tc'), { type: 'hardBreak' }, t('d'))] };
    expect(odtToDocument(documentToOdt(doc, 'x'))).toEqual(doc);
  });

  it('IMPORT-1: HTML import drops scripts, unsafe links and unknown tags but keeps their text', () => {
    const doc = htmlToDocument(
      '<html><head><title>t</title><style>p{}</style></head><body><h2>Titre</h2><script>alert(1)</script>' +
        '<p><a href="javascript:alert(1)">piège</a> <img src="x" onerror="alert(1)"><font color="red">rouge</font></p></body></html>',
    );
    expect(structure(doc)).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', level: 2, content: ['Titre'] },
        { type: 'paragraph', content: ['piège rouge'] },
      ],
    });
  });

  it('IMPORT-1: a file that is not an .odt is refused with a typed error', () => {
    expect(() => odtToDocument(new TextEncoder().encode('not a zip'))).toThrow(
      expect.objectContaining({ code: 'IMPORT_INVALID' }),
    );
  });
});
