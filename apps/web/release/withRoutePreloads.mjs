// The HTML shell for a navigation, with the route's own files preloaded. Shared by the service
// worker (src/lib/release/withRoutePreloads.ts re-exports it; warm visits) and the build
// (release/routeShells.mjs writes one shell per route, which the server sends on a cold visit).

const SAFE_PATH = /^\/_app\/immutable\/[\w./-]+\.(js|css)$/;

/**
 * The route of `routes` whose pattern matches `path`, or undefined.
 * @param {string} path
 * @param {ReadonlyArray<{ pattern: string }>} routes
 */
export function matchRoute(path, routes) {
  return routes.find((r) => {
    try {
      return new RegExp(r.pattern).test(path);
    } catch {
      return false;
    }
  });
}

/**
 * The HTML shell for a navigation to `path`, with the scripts and stylesheets of the route it
 * matches added as `<link rel="modulepreload">` / `<link rel="stylesheet">` before `</head>`
 * (issue 14, time to usable): the browser fetches them while it parses the HTML instead of
 * the router asking for them once the entry has run. The shell is unchanged when no route
 * matches, when the shell has no `</head>`, or for a path that is not an immutable asset (the
 * list comes from the signed release, this only keeps a broken one from writing markup).
 * @param {string} html
 * @param {string} path
 * @param {ReadonlyArray<{ pattern: string, js: string[], css: string[] }>} routes
 */
export function withRoutePreloads(html, path, routes) {
  const route = matchRoute(path, routes);
  return route ? withPreloads(html, route) : html;
}

/**
 * `html` with `route`'s scripts and stylesheets preloaded before `</head>` (see
 * {@link withRoutePreloads}).
 * @param {string} html
 * @param {{ js: string[], css: string[] }} route
 */
export function withPreloads(html, route) {
  const end = html.indexOf('</head>');
  if (end < 0) return html;
  const links = [
    ...route.js.filter((f) => SAFE_PATH.test(f)).map((f) => `<link href="${f}" rel="modulepreload">`),
    ...route.css.filter((f) => SAFE_PATH.test(f)).map((f) => `<link href="${f}" rel="stylesheet">`),
  ];
  if (links.length === 0) return html;
  return `${html.slice(0, end)}${links.join('\n\t\t')}\n  ${html.slice(end)}`;
}
