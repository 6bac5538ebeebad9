import { RecoveryError } from './RecoveryError.js';

/** Fetches a backup body (`GET /backup/<id>`); `BACKUP_NOT_FOUND` (404) or `BACKUP_UNAVAILABLE`. */
export async function downloadBackup(origin: string, id: string, f: typeof fetch = fetch): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await f(`${origin}/backup/${id}`, { cache: 'no-store' });
  } catch (e) {
    throw new RecoveryError('BACKUP_UNAVAILABLE', 'the relay cannot be reached', { cause: e });
  }
  if (res.status === 404) throw new RecoveryError('BACKUP_NOT_FOUND');
  if (!res.ok) throw new RecoveryError('BACKUP_UNAVAILABLE', `the relay answered ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
