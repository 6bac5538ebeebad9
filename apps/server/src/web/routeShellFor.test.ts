import { describe, expect, it } from 'vitest';
import { routeShellFor, type RouteShell } from './routeShellFor.js';

const SHELLS: RouteShell[] = [
  { pattern: '^\\/$', shell: '/_app/shells/0.html' },
  { pattern: '^\\/s\\/([^/]+?)\\/d\\/([^/]+?)\\/?$', shell: '/_app/shells/7.html' },
  { pattern: '^\\/welcome\\/?$', shell: '/_app/shells/10.html' },
];

describe('routeShellFor', () => {
  it("gives the matching route's shell for a page path", () => {
    expect(routeShellFor('/', SHELLS)).toBe('/_app/shells/0.html');
    expect(routeShellFor('/s/ab12/d/cd34', SHELLS)).toBe('/_app/shells/7.html');
    expect(routeShellFor('/welcome/', SHELLS)).toBe('/_app/shells/10.html');
  });

  it('leaves files, /_app/ paths and unknown routes to the static files and index.html', () => {
    expect(routeShellFor('/favicon.svg', SHELLS)).toBeNull();
    expect(routeShellFor('/_app/routes.json', SHELLS)).toBeNull();
    expect(routeShellFor('/nowhere', SHELLS)).toBeNull();
  });

  it('ignores a pattern that does not compile and a shell outside /_app/shells/', () => {
    expect(routeShellFor('/x', [{ pattern: '(', shell: '/_app/shells/1.html' }])).toBeNull();
    expect(routeShellFor('/', [{ pattern: '^\\/$', shell: '/../../etc/passwd' }])).toBeNull();
  });
});
