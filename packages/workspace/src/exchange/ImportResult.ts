import type { PmNode } from '../document/PmNode.js';
import type { BoardDraft } from './BoardDraft.js';
import type { ExchangeError } from './ExchangeError.js';

/** What a picked file becomes: a new document or board, or why it cannot. */
export type ImportResult =
  | { ok: true; type: 'document'; title: string; content: PmNode; source: 'markdown' | 'html' | 'odt' }
  | { ok: true; type: 'board'; title: string; draft: BoardDraft; source: 'trame' | 'cryptpad' }
  | { ok: false; error: ExchangeError };
