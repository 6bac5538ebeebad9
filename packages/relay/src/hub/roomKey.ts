/** The key of a document's room, queue and durability state: `space/doc`, hex. */
export function roomKey(spaceKey: string, docKey: string): string {
  return `${spaceKey}/${docKey}`;
}
