// @vitest-environment jsdom
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { odtToDocument } from './odtToDocument.js';

/**
 * A content.xml shaped like LibreOffice Writer's own (automatic styles P1/T1/L1 deriving from
 * named ones, soft page breaks, bookmarks, a list whose numbering is in an automatic style),
 * not like Trame's writer: the reader must follow styles rather than our names.
 */
const CONTENT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3">
<office:automatic-styles>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Quotations"/>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Text_20_body"/>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic" style:text-underline-style="solid"/></style:style>
<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
<text:sequence-decls/>
<text:h text:style-name="Heading_20_2" text:outline-level="2"><text:bookmark text:name="x"/>Droits en garde à vue</text:h>
<text:p text:style-name="P2">Vous avez le <text:span text:style-name="T1">droit</text:span> de <text:span text:style-name="T2">garder le silence</text:span>. <text:a xlink:type="simple" xlink:href="https://example.org/droits">Fiche</text:a> <text:a xlink:href="javascript:alert(1)">piège</text:a></text:p>
<text:soft-page-break/>
<text:list text:style-name="L1"><text:list-item><text:p text:style-name="P2">Demander un avocat</text:p></text:list-item><text:list-item><text:p text:style-name="P2">Prévenir un proche</text:p><text:list><text:list-item><text:p>par téléphone</text:p></text:list-item></text:list></text:list-item></text:list>
<text:p text:style-name="P1">Ne rien signer.</text:p>
<text:p text:style-name="P1">Relire.</text:p>
<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell office:value-type="string" table:number-columns-spanned="2"><text:p>Numéros</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table>
</office:text></office:body></office:document-content>`;

describe('IMPORT-1: .odt written by LibreOffice', () => {
  it('IMPORT-1: follows automatic styles to headings, marks, numbered and nested lists, quotations, tables and safe links', () => {
    const odt = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8(CONTENT),
    });
    const doc = odtToDocument(odt);
    const types = doc.content?.map((n) => n.type);
    expect(types).toEqual(['heading', 'paragraph', 'orderedList', 'blockquote', 'table']);
    expect(doc.content?.[0]).toMatchObject({ attrs: { level: 2 }, content: [{ text: 'Droits en garde à vue' }] });
    const para = doc.content![1]!.content!;
    expect(para.find((n) => n.text === 'droit')?.marks).toEqual([{ type: 'bold' }]);
    expect(
      para
        .find((n) => n.text === 'garder le silence')
        ?.marks?.map((m) => m.type)
        .sort(),
    ).toEqual(['italic', 'underline']);
    expect(para.find((n) => n.text === 'Fiche')?.marks?.[0]).toMatchObject({
      type: 'link',
      attrs: { href: 'https://example.org/droits' },
    });
    // The javascript: link keeps its text and loses its link.
    expect(para.map((n) => n.text).join('')).toContain('piège');
    expect(JSON.stringify(para)).not.toContain('javascript');
    const list = doc.content![2]!;
    expect(list.content).toHaveLength(2);
    expect(list.content![1]!.content!.map((n) => n.type)).toEqual(['paragraph', 'orderedList']);
    expect(doc.content![3]!.content).toHaveLength(2);
    expect(doc.content![4]!.content![0]!.content![0]).toMatchObject({ type: 'tableCell', attrs: { colspan: 2 } });
  });

  it('IMPORT-1: an oversized part is refused before it is inflated', () => {
    // A small archive whose central directory claims 21 MiB for content.xml (a zip bomb's shape).
    const big = zipSync({ 'content.xml': strToU8(CONTENT) });
    const view = new DataView(big.buffer, big.byteOffset, big.byteLength);
    const central = big.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 21 * 1024 * 1024, true);
    expect(() => odtToDocument(big)).toThrow(expect.objectContaining({ code: 'IMPORT_TOO_LARGE' }));
  });
});
