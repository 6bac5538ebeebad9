import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NodeRequestHandler } from '@trame/relay';
import type { FileBackupStore } from './FileBackupStore.js';
import { MAX_BACKUP_BYTES, verifyBackupBody } from './verifyBackupBody.js';

const PATH = /^\/backup\/([0-9a-f]{64})$/;

/**
 * DEVICES-3 at the relay (PROTOCOL.md §9, R90-R92): `GET /backup/<id>` answers the stored body
 * (404 when none); `PUT /backup/<id>` stores a body whose signature verifies under `id` and
 * whose version is above the stored one (204; 400 malformed or unsigned, 409 not newer, 413 too
 * large). Every other request goes to `next` (the web app). Bodies are opaque ciphertext.
 */
export function backupRoute(store: FileBackupStore, next?: NodeRequestHandler): NodeRequestHandler {
  return async (req, res, fallthrough) => {
    const match = PATH.exec((req.url ?? '').split('?')[0] ?? '');
    if (!match) {
      if (next) return next(req, res, fallthrough);
      if (fallthrough) return fallthrough();
      return end(res, 404);
    }
    const id = match[1]!;
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'GET') {
      const body = await store.get(id);
      if (!body) return end(res, 404);
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length });
      res.end(body);
      return;
    }
    if (req.method !== 'PUT') return end(res, 405);
    const body = await readBody(req, MAX_BACKUP_BYTES);
    if (!body) return end(res, 413);
    const idBytes = Buffer.from(id, 'hex');
    const version = verifyBackupBody(idBytes, body);
    if (version === null) return end(res, 400);
    const stored = await store.put(id, body, version, (b) => verifyBackupBody(idBytes, b) ?? -1);
    end(res, stored ? 204 : 409);
  };
}

function end(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Length': 0, ...(status === 413 ? { Connection: 'close' } : {}) });
  res.end();
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Over the limit: answer at once and let the rest of the body drain unread.
      if (size > max) resolve(null);
      else chunks.push(c);
    });
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks)));
    req.on('error', () => resolve(null));
  });
}
