/** One page route of the built app, as release/routePreloads.mjs writes it to `/_app/routes.json`. */
export interface RoutePreload {
  /** The route's URL pattern (a RegExp source from SvelteKit's manifest). */
  pattern: string;
  /** Scripts its layouts and page load, beyond those the shell preloads. */
  js: string[];
  /** Their stylesheets, beyond the shell's. */
  css: string[];
}

const SAFE_PATH = /^\/_app\/immutable\/[\w./-]+\.(js|css)$/;

/**
 * The HTML shell for a navigation to `path`, with the scripts and stylesheets of the route it
 * matches added as `<link rel="modulepreload">` / `<link rel="stylesheet">` before `</head>`
 * (issue 14, time to usable): the browser fetches them while it parses the HTML instead of
 * the router asking for them once the entry has run. The shell is unchanged when no route
 * matches, when the shell has no `</head>`, or for a path that is not an immutable asset (the
 * list comes from the signed release, this only keeps a broken one from writing markup).
 */
export function withRoutePreloads(html: string, path: string, routes: readonly RoutePreload[]): string {
  const route = routes.find((r) => {
    try {
      return new RegExp(r.pattern).test(path);
    } catch {
      return false;
    }
  });
  const end = html.indexOf('</head>');
  if (!route || end < 0) return html;
  const links = [
    ...route.js.filter((f) => SAFE_PATH.test(f)).map((f) => `<link href="${f}" rel="modulepreload">`),
    ...route.css.filter((f) => SAFE_PATH.test(f)).map((f) => `<link href="${f}" rel="stylesheet">`),
  ];
  if (links.length === 0) return html;
  return `${html.slice(0, end)}${links.join('\n\t\t')}\n  ${html.slice(end)}`;
}
