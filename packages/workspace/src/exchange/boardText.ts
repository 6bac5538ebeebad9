import { IMPORT_LIMITS } from './IMPORT_LIMITS.js';

/** A string field of an imported board, bounded; anything else becomes ''. */
export function boardText(v: unknown, max: number = IMPORT_LIMITS.titleChars): string {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' ? v.slice(0, max) : '';
}
