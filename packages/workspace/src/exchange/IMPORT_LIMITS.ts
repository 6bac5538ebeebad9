/** Bounds on what an import accepts, checked before parsing (validate at the edge). */
export const IMPORT_LIMITS = {
  /** Bytes of the file as picked. */
  fileBytes: 10 * 1024 * 1024,
  /** Bytes of an unpacked XML part of an .odt (a zip bomb stops here). */
  xmlBytes: 20 * 1024 * 1024,
  columns: 200,
  cards: 2000,
  tagsPerCard: 20,
  checklistPerCard: 200,
  titleChars: 500,
  descriptionChars: 20_000,
} as const;
