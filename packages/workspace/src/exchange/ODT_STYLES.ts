import { odtNamespaces } from './ODT_NS.js';

/**
 * Named styles of exported .odt files, with LibreOffice's own style names (Heading_20_1 shows
 * as "Heading 1"), so a document opened in LibreOffice keeps its outline and can be restyled.
 * List styles: `L_bullet`, `L_number`, `L_task` (☐) and `L_done` (☑, per checked item).
 */
export const ODT_STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${odtNamespaces('office', 'style', 'text', 'table', 'fo')} office:version="1.3">
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="11pt" style:font-name="Liberation Sans" fo:font-family="'Liberation Sans'" fo:language="fr" fo:country="FR"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-bottom="0.25cm" fo:line-height="115%"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="20pt"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:text-properties fo:font-size="16pt"/></style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text"><style:text-properties fo:font-size="13pt"/></style:style>
<style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Standard" style:class="html"><style:paragraph-properties fo:margin-left="1cm" fo:margin-right="1cm"/><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Preformatted_20_Text" style:display-name="Preformatted Text" style:family="paragraph" style:parent-style-name="Standard" style:class="html"><style:text-properties style:font-name="Liberation Mono" fo:font-family="'Liberation Mono'" fo:font-size="10pt"/></style:style>
<style:style style:name="Horizontal_20_Line" style:display-name="Horizontal Line" style:family="paragraph" style:parent-style-name="Standard" style:class="html"><style:paragraph-properties fo:border-bottom="0.5pt solid #808080" fo:padding="0cm" fo:margin-bottom="0.5cm"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text"><style:text-properties fo:color="#000080" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
<text:list-style style:name="L_bullet">${levels((l) => `<text:list-level-style-bullet text:level="${l}" text:bullet-char="•">${props(l)}</text:list-level-style-bullet>`)}</text:list-style>
<text:list-style style:name="L_number">${levels((l) => `<text:list-level-style-number text:level="${l}" style:num-suffix="." style:num-format="1">${props(l)}</text:list-level-style-number>`)}</text:list-style>
<text:list-style style:name="L_task">${levels((l) => `<text:list-level-style-bullet text:level="${l}" text:bullet-char="☐">${props(l)}</text:list-level-style-bullet>`)}</text:list-style>
<text:list-style style:name="L_done">${levels((l) => `<text:list-level-style-bullet text:level="${l}" text:bullet-char="☑">${props(l)}</text:list-level-style-bullet>`)}</text:list-style>
</office:styles>
</office:document-styles>
`;

function levels(f: (level: number) => string): string {
  return [1, 2, 3, 4, 5, 6].map(f).join('');
}

function props(level: number): string {
  const indent = (0.64 * level).toFixed(2);
  return `<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${indent}cm" fo:text-indent="-0.64cm" fo:margin-left="${indent}cm"/></style:list-level-properties>`;
}
