import { request } from 'node:https';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { Role, SpaceSession, newDocId, openDocument, ready, type WebSocketConstructor } from '@trame/sync';
import { person, waitFor } from '../e2e/harness.js';
import { RelayProcess } from '../scaleout/RelayProcess.js';
import { freePort } from '../scaleout/services.js';
import { CADDY, CaddyProcess } from './testing/CaddyProcess.js';

const WEB_BUILD = fileURLToPath(new URL('../../../web/build', import.meta.url));
const closers: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

/** GET over HTTPS trusting only Caddy's internal CA. */
function get(
  url: string,
  ca: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe.runIf(CADDY !== null)('one server behind Caddy with TLS (SELFHOST-2)', () => {
  it('SELFHOST-2: the web app, /health and a document over wss:// through Caddy, trusting only its internal CA', async () => {
    await ready();
    const trame = await new RelayProcess({
      dataDir: join(mkdtempSync(join(tmpdir(), 'trame-tls-')), 'data'),
      env: {
        // As deploy/trame.service sets it: Caddy's X-Forwarded-For is the client's address (R60).
        TRUSTED_PROXY_HEADER: 'x-forwarded-for',
        // The real web app when it was built (`npm test` builds it first); the relay alone otherwise.
        ...(existsSync(join(WEB_BUILD, 'index.html')) ? { WEB_BUILD_DIR: WEB_BUILD } : {}),
      },
    }).start();
    closers.push(() => trame.kill());
    const caddy = await new CaddyProcess({
      httpsPort: await freePort(),
      httpPort: await freePort(),
      upstreamPort: trame.port,
    }).start();
    closers.push(() => caddy.stop());
    const ca = caddy.rootCertificate();

    let health: Awaited<ReturnType<typeof get>> | null = null;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      health = await get(`${caddy.origin}/health`, ca).catch(() => null);
      if (health?.status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(health?.status, caddy.console).toBe(200);
    expect(JSON.parse(health!.body)).toMatchObject({ ok: true });
    // /metrics is for a local Prometheus only: 404 through Caddy, served on loopback.
    expect((await get(`${caddy.origin}/metrics`, ca)).status).toBe(404);
    expect((await fetch(`${trame.httpUrl}/metrics`)).status).toBe(200);
    // Without Caddy's CA, a client refuses the connection: TLS is real.
    await expect(get(`${caddy.origin}/health`, '')).rejects.toThrow();

    if (existsSync(join(WEB_BUILD, 'index.html'))) {
      const home = await get(`${caddy.origin}/`, ca, { 'accept-encoding': 'gzip' });
      expect(home.status).toBe(200);
      expect(String(home.headers['content-type'])).toMatch(/text\/html/);
    }

    // wss:// through Caddy: a client that trusts Caddy's CA and nothing else.
    class CaddyTrustingWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[], options: WebSocket.ClientOptions = {}) {
        super(url, protocols, { ...options, ca });
      }
    }
    const WSS = CaddyTrustingWebSocket as unknown as WebSocketConstructor;
    const relayUrl = `wss://localhost:${caddy.o.httpsPort}/ws`;
    const alice = person('Alice');
    const bob = person('Bob');
    const spaceA = await SpaceSession.create({ relayUrl, identity: alice.identity, WebSocketImpl: WSS });
    closers.push(() => spaceA.close());
    await spaceA.addMember(bob.identity.publicKey, Role.Editor);
    const spaceB = await SpaceSession.open({
      relayUrl,
      identity: bob.identity,
      spaceId: spaceA.spaceId,
      WebSocketImpl: WSS,
    });
    closers.push(() => spaceB.close());
    const docId = newDocId();
    const a = openDocument({ space: spaceA, docId, user: { name: 'Alice', color: '#3366ff' }, WebSocketImpl: WSS });
    const b = openDocument({ space: spaceB, docId, user: { name: 'Bob', color: '#ff6633' }, WebSocketImpl: WSS });
    closers.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    a.doc.getText('t').insert(0, 'Compte rendu, ');
    await a.whenSaved();
    await waitFor(() => b.doc.getText('t').toString() === 'Compte rendu, ', 'Bob receives through Caddy');
    const t = b.doc.getText('t');
    t.insert(t.length, 'relu par Bob.');
    await b.whenSaved();
    await waitFor(() => a.doc.getText('t').toString() === 'Compte rendu, relu par Bob.', 'Alice receives Bob');
  });
});
