import { strFromU8 } from 'fflate';
import { boardDraftFromJson } from './boardDraftFromJson.js';
import { isCryptpadKanban } from './cryptpadKanbanToDraft.js';
import { ExchangeError } from './ExchangeError.js';
import { htmlToDocument } from './htmlToDocument.js';
import { IMPORT_LIMITS } from './IMPORT_LIMITS.js';
import type { ImportResult } from './ImportResult.js';
import { markdownToDocument } from './markdownToDocument.js';
import { odtToDocument } from './odtToDocument.js';

/**
 * Reads a file a person picked to import: Markdown (.md, .markdown, .txt), HTML (.html, .htm),
 * OpenDocument text (.odt) into a document; JSON (Trame's board export, CryptPad's kanban
 * export) into a board. The boundary of imports: never throws, returns a typed refusal.
 */
export function importFile(fileName: string, bytes: Uint8Array): ImportResult {
  try {
    if (bytes.length > IMPORT_LIMITS.fileBytes) throw new ExchangeError('IMPORT_TOO_LARGE', 'file too large');
    const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
    const title =
      fileName
        .replace(/\.[a-z0-9]+$/i, '')
        .trim()
        .slice(0, 200) || 'Import';
    const text = (): string => strFromU8(bytes).replace(/^\uFEFF/, '');
    if (ext === 'md' || ext === 'markdown' || ext === 'txt')
      return { ok: true, type: 'document', title, content: markdownToDocument(text()), source: 'markdown' };
    if (ext === 'html' || ext === 'htm')
      return { ok: true, type: 'document', title, content: htmlToDocument(text()), source: 'html' };
    if (ext === 'odt') return { ok: true, type: 'document', title, content: odtToDocument(bytes), source: 'odt' };
    if (ext === 'json') {
      const raw = text();
      const draft = boardDraftFromJson(raw, title);
      let cryptpad = false;
      try {
        cryptpad = isCryptpadKanban(JSON.parse(raw));
      } catch {
        /* boardDraftFromJson already parsed it */
      }
      return { ok: true, type: 'board', title: draft.title, draft, source: cryptpad ? 'cryptpad' : 'trame' };
    }
    throw new ExchangeError('IMPORT_UNSUPPORTED', `.${ext}`);
  } catch (e) {
    return {
      ok: false,
      error: e instanceof ExchangeError ? e : new ExchangeError('IMPORT_INVALID', 'unreadable', { cause: e }),
    };
  }
}
