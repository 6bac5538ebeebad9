import type { FrameCursor } from '../storage/RelayStorage.js';

/** Every frame left in a cursor, page after page. */
export async function readCursor(cursor: FrameCursor): Promise<Uint8Array[]> {
  const frames: Uint8Array[] = [];
  for (let page = await cursor.next(); page.length > 0; page = await cursor.next()) frames.push(...page);
  return frames;
}
