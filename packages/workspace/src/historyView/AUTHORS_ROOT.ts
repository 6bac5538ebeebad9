/**
 * Name of the root Y.Map of an item's Y.Doc (document, board or minutes) where each Yjs client
 * id says which person it writes for (HISTORY-2, R115): key = the client id in decimal, value =
 * the person's id (hex public key). Never rename: older items would lose their authors.
 */
export const AUTHORS_ROOT = 'trame:authors';
