import { fromHex } from '@trame/protocol';
import type { HistoryRoute } from './HistoryRoute.js';

const ID = '([0-9a-f]{32})';
const RETENTION = new RegExp(`^/history/${ID}/retention$`);
const LIST = new RegExp(`^/history/${ID}/${ID}$`);
const VERSION = new RegExp(`^/history/${ID}/${ID}/${ID}$`);
const NAME = new RegExp(`^/history/${ID}/${ID}/${ID}/name$`);

/** The route of a `/history/…` path (lower-case hex ids), or null (404). */
export function parseHistoryPath(path: string): HistoryRoute | null {
  let m = RETENTION.exec(path);
  if (m) return { kind: 'retention', spaceId: fromHex(m[1]!) };
  m = LIST.exec(path);
  if (m) return { kind: 'list', spaceId: fromHex(m[1]!), docId: fromHex(m[2]!) };
  m = VERSION.exec(path);
  if (m) return { kind: 'version', spaceId: fromHex(m[1]!), docId: fromHex(m[2]!), versionId: fromHex(m[3]!) };
  m = NAME.exec(path);
  if (m) return { kind: 'name', spaceId: fromHex(m[1]!), docId: fromHex(m[2]!), versionId: fromHex(m[3]!) };
  return null;
}
