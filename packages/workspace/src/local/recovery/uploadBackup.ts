import { RecoveryError } from './RecoveryError.js';

/**
 * DEVICES-3: stores a backup body at the relay (`PUT /backup/<id>`, R90-R92). `BACKUP_UNAVAILABLE`
 * when the relay cannot be reached or refuses it (then the app retries later).
 */
export async function uploadBackup(
  origin: string,
  id: string,
  body: Uint8Array,
  f: typeof fetch = fetch,
): Promise<void> {
  let res: Response;
  try {
    res = await f(`${origin}/backup/${id}`, {
      method: 'PUT',
      body: body as Uint8Array<ArrayBuffer>,
      headers: { 'content-type': 'application/octet-stream' },
    });
  } catch (e) {
    throw new RecoveryError('BACKUP_UNAVAILABLE', 'the relay cannot be reached', { cause: e });
  }
  if (!res.ok) throw new RecoveryError('BACKUP_UNAVAILABLE', `the relay refused the backup (${res.status})`);
}
