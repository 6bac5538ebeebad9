import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints } from '../../../release/compileHints.mjs';

function build(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trame-hints-'));
  mkdirSync(join(dir, '_app', 'immutable', 'chunks'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<link href="/_app/immutable/chunks/entry.js" rel="modulepreload">');
  writeFileSync(
    join(dir, '_app', 'routes.json'),
    JSON.stringify([{ pattern: '^\\/$', js: ['/_app/immutable/chunks/route.js'], css: [] }]),
  );
  for (const f of ['entry', 'route', 'lazy'])
    writeFileSync(join(dir, '_app', 'immutable', 'chunks', `${f}.js`), `export const ${f}=1;`);
  return dir;
}

describe('compileHints (issue 14: functions compiled while the script streams in)', () => {
  it("hints the shell's and the routes' scripts, with matching .br/.gz copies, and leaves lazily loaded ones alone", () => {
    const dir = build();
    const hinted = compileHints(dir);
    expect(hinted.sort()).toEqual(['/_app/immutable/chunks/entry.js', '/_app/immutable/chunks/route.js']);
    const chunk = (f: string) => join(dir, '_app', 'immutable', 'chunks', f);
    const route = readFileSync(chunk('route.js'));
    expect(route.toString()).toBe(`${COMPILE_HINT}export const route=1;`);
    expect(brotliDecompressSync(readFileSync(chunk('route.js.br'))).equals(route)).toBe(true);
    expect(gunzipSync(readFileSync(chunk('route.js.gz'))).equals(route)).toBe(true);
    expect(readFileSync(chunk('lazy.js'), 'utf8')).toBe('export const lazy=1;');
  });

  it('runs twice without hinting a file twice', () => {
    const dir = build();
    compileHints(dir);
    expect(compileHints(dir)).toEqual([]);
    const code = readFileSync(join(dir, '_app', 'immutable', 'chunks', 'entry.js'), 'utf8');
    expect(code.split(COMPILE_HINT).length).toBe(2);
  });
});
