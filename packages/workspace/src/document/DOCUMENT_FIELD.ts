/**
 * Name of the Y.XmlFragment holding a text document's content (TipTap's Collaboration
 * `field`). Changing it orphans every existing document: never rename.
 */
export const DOCUMENT_FIELD = 'content';
