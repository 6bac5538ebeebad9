import * as Y from 'yjs';
import { DOCUMENT_FIELD } from './DOCUMENT_FIELD.js';

/**
 * The plain text of a text document, one block per line; for search, previews and tests.
 */
export function documentText(doc: Y.Doc): string {
  const lines: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment): string => {
    if (node instanceof Y.XmlText) {
      return (node.toDelta() as Array<{ insert: unknown }>)
        .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
        .join('');
    }
    return node
      .toArray()
      .map((c) => walk(c as Y.XmlElement | Y.XmlText))
      .join('');
  };
  for (const block of doc.getXmlFragment(DOCUMENT_FIELD).toArray()) {
    if (block instanceof Y.XmlElement && /List$/.test(block.nodeName)) {
      for (const li of block.toArray()) lines.push(walk(li as Y.XmlElement));
    } else lines.push(walk(block as Y.XmlElement | Y.XmlText));
  }
  return lines.join('\n');
}
