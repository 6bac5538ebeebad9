import { strToU8 } from 'fflate';
import { readBoard } from '../board/readBoard.js';
import { readMinutes } from '../minutes/readMinutes.js';
import type { PmNode } from '../document/PmNode.js';
import { boardDocument } from './boardDocument.js';
import { boardToCsv } from './boardToCsv.js';
import { boardToJson } from './boardToJson.js';
import { documentJson } from './documentJson.js';
import { documentToHtml } from './documentToHtml.js';
import { documentToMarkdown } from './documentToMarkdown.js';
import { documentToOdt } from './documentToOdt.js';
import type { ExportSource } from './ExportSource.js';
import { FORMAT_MIME, ITEM_FORMATS, type ExportFormat } from './ITEM_FORMATS.js';
import { minutesDocument } from './minutesDocument.js';
import { safeFileName } from './safeFileName.js';

/** One exported file. */
export interface ExportedFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/**
 * One item in one file format, made in the browser from the decrypted Y.Doc. HTML is the
 * printable page (the PDF route prints it). Throws on a format the item type does not offer.
 */
export function exportItem(src: ExportSource, format: Exclude<ExportFormat, 'pdf'>): ExportedFile {
  if (!ITEM_FORMATS[src.type].includes(format)) throw new Error(`${src.type} has no ${format} export`);
  const name = `${safeFileName(src.title)}.${format}`;
  const file = (data: string | Uint8Array): ExportedFile => ({
    name,
    mime: FORMAT_MIME[format],
    bytes: typeof data === 'string' ? strToU8(data) : data,
  });
  if (src.type === 'board') {
    const view = readBoard(src.doc);
    if (format === 'csv') return file(boardToCsv(view, src.locale, src.names));
    if (format === 'json') return file(boardToJson(view, src.title, src.names));
    return file(documentToMarkdown(boardDocument(view, src.title, src.locale, src.names)));
  }
  const json: PmNode =
    src.type === 'minutes' ? minutesDocument(readMinutes(src.doc), src.locale, src.title) : documentJson(src.doc);
  if (format === 'odt') return file(documentToOdt(json, src.title));
  if (format === 'html') return file(documentToHtml(json, src.title, src.locale));
  return file(documentToMarkdown(json));
}
