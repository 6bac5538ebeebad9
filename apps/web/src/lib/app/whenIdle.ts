/**
 * Runs `fn` once the page has loaded and the main thread is idle (at most `timeoutMs` after
 * the load event): for work that must not compete with the first screen for the network or the
 * processor, like the service worker's precache of every file of the app.
 */
export function whenIdle(fn: () => void, timeoutMs = 2000): void {
  const idle = (): void => {
    if ('requestIdleCallback' in globalThis) requestIdleCallback(() => fn(), { timeout: timeoutMs });
    else setTimeout(fn, 200);
  };
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
