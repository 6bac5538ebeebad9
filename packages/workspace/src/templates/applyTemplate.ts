import type * as Y from 'yjs';
import type { Template, TemplateContext } from './Template.js';
import { TEMPLATES } from './TEMPLATES.js';

/** Fills an empty item doc from the template `id`; returns the template, or null if unknown. */
export function applyTemplate(doc: Y.Doc, id: string, ctx: TemplateContext): Template | null {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) return null;
  doc.transact(() => t.apply(doc, ctx));
  return t;
}
