import { DOMParser as PmDOMParser } from '@tiptap/pm/model';
import type { PmNode } from '../document/PmNode.js';
import { documentSchema } from './documentSchema.js';

/**
 * Parses an HTML page or fragment (ours, CryptPad's rich-text export, a browser's "save as")
 * into a document, with the schema's own parse rules: only what the editor can show is kept
 * (no script, style, image or unsafe link). Needs a DOM (`DOMParser`).
 */
export function htmlToDocument(html: string): PmNode {
  // A detached document: nothing in it loads or runs.
  const page = new DOMParser().parseFromString(html, 'text/html');
  for (const el of page.querySelectorAll('script,style,template,noscript,iframe,object')) el.remove();
  return PmDOMParser.fromSchema(documentSchema()).parse(page.body).toJSON() as PmNode;
}
