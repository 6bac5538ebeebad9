import { describe, expect, it } from 'vitest';
import { withRoutePreloads, type RoutePreload } from './withRoutePreloads';

const SHELL = '<html><head><title>Trame</title>\n  </head><body></body></html>';
const ROUTES: RoutePreload[] = [
  { pattern: '^\\/$', js: ['/_app/immutable/nodes/2.a.js'], css: [] },
  {
    pattern: '^\\/s\\/([^/]+?)\\/d\\/([^/]+?)\\/?$',
    js: ['/_app/immutable/nodes/6.b.js', '/_app/immutable/chunks/tiptap.js'],
    css: ['/_app/immutable/assets/6.c.css'],
  },
];

describe('withRoutePreloads', () => {
  it("adds the matching route's scripts and stylesheets before </head>", () => {
    const out = withRoutePreloads(SHELL, '/s/ab/d/cd', ROUTES);
    expect(out).toContain('<link href="/_app/immutable/nodes/6.b.js" rel="modulepreload">');
    expect(out).toContain('<link href="/_app/immutable/chunks/tiptap.js" rel="modulepreload">');
    expect(out).toContain('<link href="/_app/immutable/assets/6.c.css" rel="stylesheet">');
    expect(out.indexOf('tiptap.js')).toBeLessThan(out.indexOf('</head>'));
    expect(out).not.toContain('nodes/2.a.js');
  });
  it('leaves the shell as it is for a path no route matches', () => {
    expect(withRoutePreloads(SHELL, '/nope/x', ROUTES)).toBe(SHELL);
    expect(withRoutePreloads(SHELL, '/s/ab/d/cd', [])).toBe(SHELL);
  });
  it('writes no markup from a list entry that is not an immutable asset path', () => {
    const hostile: RoutePreload[] = [
      { pattern: '^\\/$', js: ['/x.js"><script>alert(1)</script>'], css: ['https://evil/x.css'] },
    ];
    expect(withRoutePreloads(SHELL, '/', hostile)).toBe(SHELL);
  });
  it('ignores a pattern that is not a regular expression', () => {
    expect(withRoutePreloads(SHELL, '/', [{ pattern: '(', js: ['/_app/immutable/a.js'], css: [] }])).toBe(SHELL);
  });
});
