import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type BrowserContext } from '@playwright/test';
import { createCollective, createItem, editor, statusLine, welcome } from '../e2e/support/steps';

/**
 * `npm run bench:web:profile`: where the time of a home or document load goes, on the same
 * throttled phone profile as webBench.spec.ts. For each route, one cold and one warm visit with
 * the DevTools protocol's CPU profiler on; prints the app's own milestones (performance.mark
 * `trame:*`), first paint, and the heaviest scripts and functions by self time, and writes the
 * `.cpuprofile` files (open them in Chromium's DevTools, Performance panel) to
 * test-results/bench/. A tool for finding costs, not a measurement: the profiler itself slows
 * the page down.
 */
const THROTTLE = { latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const CPU_SLOWDOWN = 4;
const DOC_TEXT = 'Rendez-vous à 10 h devant la mairie, banderoles prêtes.';
const OUT = join(import.meta.dirname, '../test-results/bench');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

test('bench:web:profile', async ({ browser, baseURL }) => {
  test.setTimeout(1_200_000);
  const origin = baseURL!;
  const member = await browser.newContext({ baseURL: origin });
  const setup = await member.newPage();
  await setup.goto('/');
  await welcome(setup, 'Camille');
  await createCollective(setup, 'Collectif du banc');
  await setup.getByRole('link', { name: /Assemblée de coordination/ }).click();
  await createItem(setup, { type: 'Document', title: 'Manif du 12' });
  await editor(setup).click();
  await setup.keyboard.type(DOC_TEXT);
  await setup.waitForFunction(() =>
    document.querySelector('main [role="status"][data-state]')?.textContent?.includes('enregistré'),
  );
  await statusLine(setup).waitFor();
  const docPath = new URL(setup.url()).pathname;
  await setup.close();

  const homeReady = (): number => {
    const titled = [...document.querySelectorAll('h1')].some((h) => h.textContent?.includes('Collectif du banc'));
    return titled && document.querySelector('main a[href^="/s/"]') ? performance.now() : 0;
  };
  const docReady = (text: string): number => {
    const el = document.querySelector('[contenteditable="true"]');
    return el?.textContent?.includes(text) ? performance.now() : 0;
  };
  const only = process.env.TRAME_PROFILE_ONLY;
  for (const [name, path, ready] of [
    ['home', '/', homeReady],
    ['document', docPath, docReady],
  ] as const) {
    if (only && only !== name) continue;
    for (const cold of [true, false]) {
      await profiled(member, origin, path, ready, cold, `${name}-${cold ? 'cold' : 'warm'}`);
    }
  }
  await member.close();
});

async function profiled(
  context: BrowserContext,
  origin: string,
  path: string,
  ready: (arg: string) => number,
  cold: boolean,
  label: string,
): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (cold) {
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'service_workers,cache_storage' });
  }
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const tracing = !!process.env.TRAME_PROFILE_TRACE;
  if (tracing) {
    await context.browser()!.startTracing(page, {
      categories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile', 'blink.user_timing'],
    });
  }
  await page.goto(path, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(ready, DOC_TEXT, { polling: 'raf', timeout: 120_000 });
  const readyAt = Math.round((await handle.jsonValue()) as number);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const trace = tracing ? await context.browser()!.stopTracing() : null;
  if (trace) writeFileSync(join(OUT, `${label}.trace.json`), trace);
  const timeline = await page.evaluate(() => {
    const rows: Array<[number, string]> = [];
    for (const e of performance.getEntriesByType('mark')) rows.push([e.startTime, e.name]);
    for (const e of performance.getEntriesByType('paint')) rows.push([e.startTime, e.name]);
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (nav) {
      rows.push([nav.responseEnd, 'html responseEnd']);
      rows.push([nav.domContentLoadedEventEnd, 'DOMContentLoaded end']);
    }
    for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      if (/\.(m?js|wasm|css)$/.test(r.name))
        rows.push([r.responseEnd, `loaded ${new URL(r.name).pathname.split('/').pop()} (${r.startTime.toFixed(0)}→)`]);
    }
    return rows.sort((a, b) => a[0] - b[0]).map(([t, n]) => `${t.toFixed(0).padStart(6)} ms  ${n}`);
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  if (cold) {
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker?.getRegistration();
      if (reg) await navigator.serviceWorker.ready;
    });
    await page.waitForTimeout(2500);
  }
  await cdp.detach();
  await page.close();
  writeFileSync(join(OUT, `${label}.cpuprofile`), JSON.stringify(profile));
  console.log(`\n=== ${label}: ready at ${readyAt} ms\n${timeline.join('\n')}\n${summarize(profile)}`);
  if (trace) console.log(compileSummary(JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }));
}

/** Self time by script and by function (ms of profile time, throttled). */
function summarize(p: Profile): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + dt);
  }
  const byUrl = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    const file = f.url ? (f.url.split('/').pop() ?? f.url) : `(${f.functionName || 'native'})`;
    byUrl.set(file, (byUrl.get(file) ?? 0) + ms);
    const fn = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  return `-- by script (self)\n${top(byUrl, 18)}\n-- by function (self)\n${top(byFn, 30)}`;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: Record<string, unknown>; [k: string]: unknown };
}

/** Script compile and evaluation in the trace, per event name, and whether V8's code cache was used. */
function compileSummary(t: { traceEvents: TraceEvent[] }): string {
  const names =
    /^(v8\.compile|v8\.compileModule|v8\.produceCache|v8\.produceModuleCache|v8\.run|v8\.evaluateModule|EvaluateScript|v8\.parseOnBackground|v8\.deserializeOnBackground|V8\.CompileCode|ParseHTML|Layout|UpdateLayoutTree|Paint|FunctionCall|v8\.wasm\.\w+|WebAssembly\.\w+)$/;
  const sums = new Map<string, { n: number; ms: number }>();
  const cache: string[] = [];
  for (const e of t.traceEvents) {
    if (!names.test(e.name) || e.ph !== 'X') continue;
    const s = sums.get(e.name) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += (e.dur ?? 0) / 1000;
    sums.set(e.name, s);
    const d = (e.args?.data ?? e.args) as Record<string, unknown> | undefined;
    if (/compile/i.test(e.name) && d && (e.dur ?? 0) > 2000) {
      const url = String(d.url ?? d.fileName ?? '')
        .split('/')
        .pop();
      const extra = Object.entries(d)
        .filter(([k]) => /cache|Cache|reason|Reason|streamed|eager/.test(k))
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ');
      cache.push(`${((e.dur ?? 0) / 1000).toFixed(1).padStart(7)} ms  ${e.name} ${url} ${extra}`);
    }
  }
  const rows = [...sums]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([k, v]) => `${v.ms.toFixed(0).padStart(7)} ms  ${k} ×${v.n}`);
  return `-- trace (main thread and workers)\n${rows.join('\n')}\n-- compiles over 2 ms\n${cache.join('\n')}`;
}
