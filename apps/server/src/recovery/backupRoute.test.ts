import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupRoute } from './backupRoute.js';
import { FileBackupStore } from './FileBackupStore.js';

const dir = mkdtempSync(join(tmpdir(), 'trame-backup-'));
let server: Server;
let base = '';
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const id = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');

/** A body as the app makes it: version ‖ sig ‖ blob (the blob stands for ciphertext). */
function body(version: number, blob: Buffer, key = privateKey): Buffer {
  const v = Buffer.alloc(8);
  v.writeBigUInt64BE(BigInt(version));
  const sig = sign(null, Buffer.concat([Buffer.from('trame/v1/backup\0'), id, v, blob]), key);
  return Buffer.concat([v, sig, blob]);
}

beforeAll(async () => {
  server = createServer(backupRoute(new FileBackupStore(dir)) as Parameters<typeof createServer>[0]);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/backup/${id.toString('hex')}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('backup route (DEVICES-3, R90-R92)', () => {
  it('stores a signed body, serves it back, refuses older, unsigned, forged and oversized ones', async () => {
    expect((await fetch(base)).status).toBe(404);
    const first = body(1, Buffer.alloc(4096, 7));
    expect((await fetch(base, { method: 'PUT', body: new Uint8Array(first) })).status).toBe(204);
    expect(Buffer.from(await (await fetch(base)).arrayBuffer())).toEqual(first);
    // R92: not newer
    expect((await fetch(base, { method: 'PUT', body: new Uint8Array(body(1, Buffer.alloc(4096, 8))) })).status).toBe(
      409,
    );
    // R91: someone without the phrase's key
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(
      (await fetch(base, { method: 'PUT', body: new Uint8Array(body(2, Buffer.alloc(4096, 9), other)) })).status,
    ).toBe(400);
    const flipped = body(2, Buffer.alloc(4096, 9));
    flipped[80] = flipped[80]! ^ 1;
    expect((await fetch(base, { method: 'PUT', body: new Uint8Array(flipped) })).status).toBe(400);
    expect((await fetch(base, { method: 'PUT', body: new Uint8Array(body(2, Buffer.alloc(70_000))) })).status).toBe(
      413,
    );
    const second = body(2, Buffer.alloc(4096, 9));
    expect((await fetch(base, { method: 'PUT', body: new Uint8Array(second) })).status).toBe(204);
    expect(Buffer.from(await (await fetch(base)).arrayBuffer())).toEqual(second);
    expect(readdirSync(join(dir, 'backups'))).toEqual([`${id.toString('hex')}.bin`]);
    expect(readFileSync(join(dir, 'backups', `${id.toString('hex')}.bin`))).toEqual(second);
  });
});
