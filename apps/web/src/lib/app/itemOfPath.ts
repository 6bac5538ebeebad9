const ITEM_PATH = /^\/s\/([0-9a-f]{32})\/[dbm]\/([0-9a-f]{32})\/?$/;

/** The space and item of a document, board or minutes page (`/s/<space>/d|b|m/<item>`); null elsewhere. */
export function itemOfPath(path: string): { spaceId: string; itemId: string } | null {
  const m = ITEM_PATH.exec(path);
  return m ? { spaceId: m[1]!, itemId: m[2]! } : null;
}
