import { expect, test } from '@playwright/test';

/**
 * Issue 14: the app as it travels — compression and caching (WEBAPP-2), route budgets
 * (WEBAPP-3), offline and installable (WEBAPP-1), a service worker that checks a signed release
 * (WEBAPP-4). Against the real server (apps/server serving apps/web/build).
 */

/** The shell's own script and style files, as the server lists them in index.html. */
async function shellAssets(
  request: import('@playwright/test').APIRequestContext,
): Promise<{ js: string[]; css: string[] }> {
  const html = await (await request.get('/')).text();
  const js = [...html.matchAll(/href="(\/_app\/immutable\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const css = [...html.matchAll(/href="(\/_app\/immutable\/[^"]+\.css)"/g)].map((m) => m[1]!);
  return { js, css };
}

test('WEBAPP-2: JS and CSS come brotli-compressed when asked, gzip otherwise, plain when neither, always with Vary: Accept-Encoding', async ({
  request,
}) => {
  const { js, css } = await shellAssets(request);
  expect(js.length).toBeGreaterThan(3);
  expect(css.length).toBeGreaterThan(0);
  for (const path of [...js.slice(0, 3), css[0]!]) {
    const plain = await request.get(path, { headers: { 'Accept-Encoding': 'identity' } });
    const body = await plain.body();
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['br', 'br'],
      ['gzip, deflate', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const res = await request.get(path, { headers: { 'Accept-Encoding': accept } });
      expect(res.status(), `${path} ${accept}`).toBe(200);
      expect(res.headers()['content-encoding'], `${path} ${accept}`).toBe(encoding);
      expect(res.headers()['vary'], `${path} ${accept}`).toBe('Accept-Encoding');
      expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      // Whatever the encoding, the same bytes once decoded (Playwright decodes br and gzip).
      expect((await res.body()).equals(body)).toBe(true);
    }
    // A compressed copy is smaller on the wire than the file.
    const br = await request.fetch(path, { headers: { 'Accept-Encoding': 'br' }, method: 'HEAD' });
    expect(Number(br.headers()['content-length'])).toBeLessThan(body.length);
  }
});

test('WEBAPP-2: the HTML shell and version.json are revalidated (no-cache, 304 on an unchanged ETag)', async ({
  request,
}) => {
  for (const path of ['/', '/s/x/d/y', '/_app/version.json']) {
    const first = await request.get(path, { headers: { 'Accept-Encoding': 'br' } });
    expect(first.status()).toBe(200);
    expect(first.headers()['cache-control'], path).toBe('no-cache');
    expect(first.headers()['vary'], path).toBe('Accept-Encoding');
    const etag = first.headers()['etag'];
    expect(etag, path).toBeTruthy();
    const again = await request.get(path, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag! } });
    expect(again.status(), path).toBe(304);
  }
  // A hashed file that does not exist is a 404, not the HTML shell.
  expect((await request.get('/_app/immutable/chunks/nope.js')).status()).toBe(404);
});
