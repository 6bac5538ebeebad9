/** One page route of the built app, as release/routePreloads.mjs writes it to `/_app/routes.json`. */
export interface RoutePreload {
  /** The route's URL pattern (a RegExp source from SvelteKit's manifest). */
  pattern: string;
  /** Scripts its layouts and page load, beyond those the shell preloads. */
  js: string[];
  /** Their stylesheets, beyond the shell's. */
  css: string[];
}
export declare function matchRoute<R extends { pattern: string }>(path: string, routes: readonly R[]): R | undefined;
export declare function withRoutePreloads(html: string, path: string, routes: readonly RoutePreload[]): string;
export declare function withPreloads(html: string, route: Pick<RoutePreload, 'js' | 'css'>): string;
