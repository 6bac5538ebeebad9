import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../document/DOCUMENT_FIELD.js';
import type { PmNode } from '../document/PmNode.js';
import { documentSchema } from './documentSchema.js';

/**
 * A text document's content as ProseMirror JSON (`{ type: 'doc', content }`), read with the
 * editor's own Yjs binding so that exports see exactly what the editor shows.
 */
export function documentJson(doc: Y.Doc): PmNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), documentSchema()).toJSON() as PmNode;
}
