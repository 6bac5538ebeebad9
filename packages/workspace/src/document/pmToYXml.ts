import * as Y from 'yjs';
import type { PmNode } from './PmNode.js';

/**
 * Converts ProseMirror JSON to the Y.Xml types y-prosemirror (TipTap's Collaboration) reads:
 * elements named after node types with their attrs, runs of text in one Y.XmlText whose
 * formatting attributes are the marks (`{ bold: {} }`). Lets templates be written as plain
 * JSON and applied without an editor instance.
 */
export function pmToYXml(nodes: readonly PmNode[]): Array<Y.XmlElement | Y.XmlText> {
  const out: Array<Y.XmlElement | Y.XmlText> = [];
  let text: Y.XmlText | null = null;
  let offset = 0;
  for (const node of nodes) {
    if (node.type === 'text') {
      if (!text) {
        text = new Y.XmlText();
        offset = 0;
        out.push(text);
      }
      const value = node.text ?? '';
      const marks: Record<string, unknown> = {};
      for (const m of node.marks ?? []) marks[m.type] = m.attrs ?? {};
      text.insert(offset, value, marks);
      offset += value.length;
      continue;
    }
    text = null;
    const el = new Y.XmlElement(node.type);
    for (const [k, v] of Object.entries(node.attrs ?? {})) {
      // y-prosemirror leaves null attributes unset (the schema default applies) and stores the
      // others as they are (numbers stay numbers).
      if (v === null || v === undefined) continue;
      (el as unknown as { setAttribute(k: string, v: unknown): void }).setAttribute(k, v);
    }
    const children = pmToYXml(node.content ?? []);
    if (children.length > 0) el.insert(0, children);
    out.push(el);
  }
  return out;
}
