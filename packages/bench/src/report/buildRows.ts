import type { ServerKind } from '../servers/ServerKind.js';
import { ratioToBest } from '../stats/ratio.js';
import { summarize, type Summary } from '../stats/summarize.js';
import type { KeystrokeRun } from '../scenarios/runKeystroke.js';
import { ROOM_TRACES } from '../scenarios/runTraces.js';
import type { BenchResults } from './BenchResults.js';
import type { ReportRow } from './ReportRow.js';

type PerKind = Partial<Record<ServerKind, number[]>>;

function row(
  scenario: string,
  measure: string,
  unit: string,
  per: PerKind,
  target?: { lowerIsBetter: boolean; ratio: number; label: string },
): ReportRow {
  const s = (k: ServerKind): Summary | undefined => (per[k]?.length ? summarize(per[k]!) : undefined);
  const r: ReportRow = { scenario, measure, unit };
  const t = s('trame');
  const y = s('y-websocket');
  const h = s('hocuspocus');
  if (t) r.trame = t;
  if (y) r.yWebsocket = y;
  if (h) r.hocuspocus = h;
  if (target && t && (y || h)) {
    const { ratio } = ratioToBest(t.median, [y?.median ?? Number.NaN, h?.median ?? Number.NaN], target.lowerIsBetter);
    r.ratio = ratio;
    r.target = target.label;
    if (Number.isFinite(ratio)) r.met = target.lowerIsBetter ? ratio <= target.ratio : ratio >= target.ratio;
  }
  return r;
}

function pick<T>(per: Partial<Record<ServerKind, T[]>> | undefined, f: (x: T) => number): PerKind {
  const out: PerKind = {};
  for (const [k, v] of Object.entries(per ?? {}) as Array<[ServerKind, T[]]>) out[k] = v.map(f);
  return out;
}

/** p50, p99 (target ≤ 1.0× the best peer) and missing deliveries of keystroke runs. */
function latencyRows(sc: string, runs: Partial<Record<ServerKind, KeystrokeRun[]>>): ReportRow[] {
  return [
    row(
      sc,
      'p50',
      'ms',
      pick(runs, (x) => x.p50),
    ),
    row(
      sc,
      'p99',
      'ms',
      pick(runs, (x) => x.p99),
      { lowerIsBetter: true, ratio: 1, label: '≤ 1.0×' },
    ),
    row(
      sc,
      'missing deliveries',
      '%',
      pick(runs, (x) => (x.expected ? (100 * x.missing) / x.expected : 0)),
    ),
  ];
}

/** The same client-side figure for every server (Yjs's own cost is the same under any of them). */
function everyServer(v: number): PerKind {
  return { trame: [v], 'y-websocket': [v], hocuspocus: [v] };
}

/** The table of the issue's scenarios, with targets, from one run's results. */
export function buildRows(r: BenchResults): ReportRow[] {
  const rows: ReportRow[] = [];
  const k = r.keystroke;
  if (k) {
    for (const size of Object.keys(k.runs).map(Number)) {
      const runs = k.runs[size]!;
      rows.push(...latencyRows(`keystroke, ${size} editors (${k.realEditors[size]} real)`, runs));
    }
    const fan = k.runs[20];
    if (fan) {
      rows.push(
        row(
          `fan-out at typing pace (${String(r.meta.options.keysPerSec ?? 10)} keys/s), 20 clients`,
          'deliveries per server CPU-second',
          '/s',
          pick(fan, (x) => (x.serverDeliveries ?? x.deliveries) / (x.serverCpuMs / 1000)),
          { lowerIsBetter: false, ratio: 2, label: '≥ 2×' },
        ),
      );
    }
  }
  const tr = r.traces;
  if (tr) {
    const names = [...new Set(ROOM_TRACES.flat())].join(', ');
    rows.push(...latencyRows(`keystroke, real traces at their authors' pace (4 editors: ${names})`, tr));
  }
  const f = r.fanout;
  if (f) {
    const sc = `fan-out (throughput), ${f.clients} clients (${f.realEditors} real), ${f.keysPerSec} keys/s each`;
    rows.push(
      row(
        sc,
        'keystroke deliveries per server CPU-second',
        '/s',
        pick(f.runs, (x) => x.deliveries / (x.serverCpuMs / 1000)),
        { lowerIsBetter: false, ratio: 2, label: '≥ 2×' },
      ),
    );
    rows.push(
      row(
        sc,
        'keystroke → remote p50',
        'ms',
        pick(f.runs, (x) => x.latency.p50),
      ),
    );
    rows.push(
      row(
        sc,
        'keystroke → remote p99',
        'ms',
        pick(f.runs, (x) => x.latency.p99),
      ),
    );
    rows.push(
      row(
        sc,
        'missing deliveries',
        '%',
        pick(f.runs, (x) => (x.expected ? (100 * x.missing) / x.expected : 0)),
      ),
    );
    rows.push(
      row(
        sc,
        'keys typed per second (room)',
        '/s',
        pick(f.runs, (x) => x.typedPerSec),
      ),
    );
    rows.push(
      row(
        sc,
        'client messages sent per key (Trame: frames per keystroke)',
        'msg/key',
        pick(f.runs, (x) => x.clientMessages / x.typed),
      ),
    );
    rows.push(
      row(
        sc,
        'server messages sent per keystroke delivery',
        'msg/delivery',
        pick(f.runs, (x) => x.serverMessages / x.deliveries),
      ),
    );
    rows.push(
      row(
        sc,
        'busiest client worker, event-loop use',
        '%',
        pick(f.runs, (x) => 100 * Math.max(...x.workerElu)),
      ),
    );
  }
  const c = r.coldOpen;
  if (c) {
    for (const [form, per] of Object.entries(c.runs)) {
      rows.push(
        row(
          `cold open, ${c.trace.name} ${form} (${form === 'history' ? `${c.trace.updates} updates` : `${(c.trace.stateBytes / 1024).toFixed(0)} KiB state`})`,
          'socket open → text',
          'ms',
          per as PerKind,
          { lowerIsBetter: true, ratio: 1.5, label: '≤ 1.5×' },
        ),
      );
    }
  }
  const m = r.memory;
  if (m) {
    const n = Object.values(m)[0]?.[0];
    rows.push(
      row(
        `memory, ${n?.connections ?? '?'} idle connections`,
        'RSS per connection',
        'KiB',
        pick(m, (x) => x.rssPerConnection / 1024),
        { lowerIsBetter: true, ratio: 0.5, label: '≤ 0.5×' },
      ),
    );
    rows.push(
      row(
        `memory, ${n?.connections ?? '?'} idle connections`,
        'heap+external per connection',
        'KiB',
        pick(m, (x) => x.heapPerConnection / 1024),
      ),
    );
    rows.push(
      row(
        `memory, ${n?.documents ?? '?'} open seph-blog1 documents`,
        'RSS per document',
        'MiB',
        pick(m, (x) => x.rssPerDocument / 1048576),
        { lowerIsBetter: true, ratio: 0.1, label: '≤ 0.1× (10× less)' },
      ),
    );
    rows.push(
      row(
        `memory, ${n?.documents ?? '?'} open seph-blog1 documents`,
        'heap+external per document',
        'MiB',
        pick(m, (x) => x.heapPerDocument / 1048576),
      ),
    );
  }
  const s = r.reconnect;
  if (s) {
    const spreads = [...new Set(Object.values(s).flatMap((runs) => runs.map((x) => x.spreadMs)))];
    for (const spread of spreads) {
      const per: Partial<Record<ServerKind, typeof s.trame>> = {};
      for (const [kind, runs] of Object.entries(s) as Array<[ServerKind, NonNullable<typeof s.trame>]>)
        per[kind] = runs.filter((x) => x.spreadMs === spread);
      const n = Object.values(per)[0]?.[0]?.clients ?? 0;
      const sc = `reconnect storm, ${n} clients within ${spread === 0 ? '~0' : spread} ms`;
      rows.push(
        row(
          sc,
          'until all synced',
          'ms',
          pick(per, (x) => x.allSyncedMs),
          spread === 0 ? { lowerIsBetter: true, ratio: 0.5, label: '≤ 0.5×' } : undefined,
        ),
      );
      rows.push(
        row(
          sc,
          'per-client wait p99',
          'ms',
          pick(per, (x) => x.clientP99),
        ),
      );
      rows.push(
        row(
          sc,
          'server CPU',
          'ms',
          pick(per, (x) => x.serverCpuMs),
        ),
      );
    }
  }
  const cc = r.clientCost;
  if (cc) {
    const one = (v: number): PerKind => ({ trame: [v] });
    rows.push(
      row('client cost per keystroke', 'Yjs: insert + encode (any provider)', 'µs', everyServer(cc.yjsLocalEdit)),
    );
    rows.push(row('client cost per keystroke', 'Trame: encrypt + sign + frame', 'µs', one(cc.trameSeal)));
    rows.push(
      row('client cost per keystroke', 'sending side total', 'µs', {
        ...everyServer(cc.yjsLocalEdit),
        trame: [cc.trameLocalTotal],
      }),
    );
    rows.push(row('client cost per remote edit', 'Yjs: apply', 'µs', everyServer(cc.yjsRemoteApply)));
    rows.push(row('client cost per remote edit', 'Trame: parse + verify + decrypt', 'µs', one(cc.trameOpen)));
    rows.push(
      row('client cost per remote edit', 'receiving side total', 'µs', {
        ...everyServer(cc.yjsRemoteApply),
        trame: [cc.trameRemoteTotal],
      }),
    );
  }
  return rows;
}
