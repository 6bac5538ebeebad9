/** One entry of the web build's `_app/shells.json` (apps/web/release/routeShells.mjs). */
export interface RouteShell {
  /** The route's URL pattern (a RegExp source from SvelteKit's manifest). */
  pattern: string;
  /** The path of its HTML shell, under `/_app/shells/`. */
  shell: string;
}

const SHELL_PATH = /^\/_app\/shells\/\d+\.html$/;

/**
 * The HTML shell to send for a navigation to `pathname`: the one of the first route whose
 * pattern matches, with that route's code preloaded (issue 14: a cold visit fetches it while the
 * HTML is parsed). Null for anything that is not a page path (a file, `/_app/…`) or that no route
 * matches: the plain `index.html` then answers, as before. Patterns come from the build; one
 * that does not compile, or a shell path outside `/_app/shells/`, is ignored.
 */
export function routeShellFor(pathname: string, shells: readonly RouteShell[]): string | null {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  if (pathname.startsWith('/_app/') || last.includes('.')) return null;
  for (const s of shells) {
    let re: RegExp;
    try {
      re = new RegExp(s.pattern);
    } catch {
      continue;
    }
    if (re.test(pathname)) return SHELL_PATH.test(s.shell) ? s.shell : null;
  }
  return null;
}
