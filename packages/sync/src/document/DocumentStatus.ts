/** Where a document stands, for the status line. */
export type DocumentStatus = 'connecting' | 'saved' | 'saving' | 'offline' | 'error';
