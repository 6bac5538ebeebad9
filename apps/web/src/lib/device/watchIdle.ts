/**
 * DEVICES-4: calls `onIdle` once nobody has touched the page for `minutes` (pointer, keys,
 * touch, scroll). A phone that slept with the tab open counts the time it slept: on coming back
 * into view, the delay is checked against the clock rather than a timer that may not have run.
 * Returns a stop function.
 */
export function watchIdle(minutes: number, onIdle: () => void, target: Window = window): () => void {
  const limit = minutes * 60_000;
  let last = Date.now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let fired = false;
  const fire = (): void => {
    if (fired) return;
    fired = true;
    stop();
    onIdle();
  };
  const arm = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, last + limit - Date.now()));
  };
  const activity = (): void => {
    if (Date.now() - last >= limit) return fire();
    last = Date.now();
    arm();
  };
  const visibility = (): void => {
    if (target.document.visibilityState === 'visible' && Date.now() - last >= limit) fire();
  };
  const events = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;
  for (const e of events) target.addEventListener(e, activity, { passive: true, capture: true });
  target.document.addEventListener('visibilitychange', visibility);
  arm();
  function stop(): void {
    if (timer) clearTimeout(timer);
    for (const e of events) target.removeEventListener(e, activity, { capture: true });
    target.document.removeEventListener('visibilitychange', visibility);
  }
  return stop;
}
