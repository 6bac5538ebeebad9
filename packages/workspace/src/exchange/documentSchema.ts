import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { documentExtensions } from './documentExtensions.js';

let cached: Schema | null = null;

/** The ProseMirror schema of text documents (built once: building it walks every extension). */
export function documentSchema(): Schema {
  cached ??= getSchema(documentExtensions());
  return cached;
}
