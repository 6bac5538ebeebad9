/** A name as a quoted SQL identifier (schema names are also validated where they are read). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
