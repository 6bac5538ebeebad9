import type { ItemType } from '../space/SpaceIndex.js';

/** A file format an item exports to (`pdf` goes through the browser's print dialog). */
export type ExportFormat = 'md' | 'html' | 'odt' | 'pdf' | 'csv' | 'json';

/** Formats offered per item type, in menu order. */
export const ITEM_FORMATS: Readonly<Record<ItemType, readonly ExportFormat[]>> = {
  document: ['pdf', 'odt', 'md', 'html'],
  board: ['md', 'csv', 'json'],
  minutes: ['pdf', 'odt', 'md', 'html'],
};

/** MIME type of each file format. */
export const FORMAT_MIME: Readonly<Record<Exclude<ExportFormat, 'pdf'>, string>> = {
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  odt: 'application/vnd.oasis.opendocument.text',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};
