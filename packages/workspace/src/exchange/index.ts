// @trame/workspace/exchange: export and import, loaded on demand (dynamic import) by the web
// app so that converters (TipTap's schema and Markdown, fflate, papaparse) stay out of the
// first load. Everything runs in the browser on decrypted Y.Docs; the relay never sees it.

export { documentExtensions } from './documentExtensions.js';
export { documentSchema } from './documentSchema.js';
export { documentJson } from './documentJson.js';
export { documentToMarkdown } from './documentToMarkdown.js';
export { markdownToDocument } from './markdownToDocument.js';
export { documentHtml } from './documentHtml.js';
export { documentToHtml } from './documentToHtml.js';
export { htmlToDocument } from './htmlToDocument.js';
export { documentToOdt } from './documentToOdt.js';
export { odtToDocument } from './odtToDocument.js';
export { boardDocument } from './boardDocument.js';
export { boardToCsv } from './boardToCsv.js';
export { boardToJson, BOARD_JSON_FORMAT } from './boardToJson.js';
export { boardDraftFromJson } from './boardDraftFromJson.js';
export type { BoardDraft } from './BoardDraft.js';
export { cryptpadKanbanToDraft, isCryptpadKanban } from './cryptpadKanbanToDraft.js';
export { writeBoardDraft } from './writeBoardDraft.js';
export { minutesDocument } from './minutesDocument.js';
export { exportItem } from './exportItem.js';
export type { ExportedFile } from './exportItem.js';
export type { ExportSource } from './ExportSource.js';
export { exportSpace, SPACE_ARCHIVE_FORMAT } from './exportSpace.js';
export { ITEM_FORMATS, FORMAT_MIME } from './ITEM_FORMATS.js';
export type { ExportFormat } from './ITEM_FORMATS.js';
export { importFile } from './importFile.js';
export type { ImportResult } from './ImportResult.js';
export { importIntoSpace } from './importIntoSpace.js';
export type { ImportTarget } from './importIntoSpace.js';
export { ExchangeError, EXCHANGE_ERRORS } from './ExchangeError.js';
export type { ExchangeErrorCode } from './ExchangeError.js';
export { IMPORT_LIMITS } from './IMPORT_LIMITS.js';
export { safeFileName } from './safeFileName.js';
