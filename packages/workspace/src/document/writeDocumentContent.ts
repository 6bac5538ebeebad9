import type * as Y from 'yjs';
import { DOCUMENT_FIELD } from './DOCUMENT_FIELD.js';
import type { PmNode } from './PmNode.js';
import { pmToYXml } from './pmToYXml.js';

/** Appends blocks (ProseMirror JSON) to a text document's content. */
export function writeDocumentContent(doc: Y.Doc, blocks: readonly PmNode[]): void {
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  doc.transact(() => fragment.insert(fragment.length, pmToYXml(blocks)));
}
