import type { Summary } from '../stats/summarize.js';
import type { ReportRow } from './ReportRow.js';

function num(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  return a >= 1000 ? x.toFixed(0) : a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** `median ±spread%` of one server's samples. */
export function cell(s: Summary | undefined): string {
  if (!s) return '–';
  return s.n > 1 ? `${num(s.median)} ±${(s.spread * 100).toFixed(0)}%` : num(s.median);
}

/** The results as Markdown table rows (also what the terminal shows). */
export function formatTable(rows: readonly ReportRow[]): string {
  const head = ['scenario', 'measure', 'Trame', 'y-websocket', 'Hocuspocus', 'Trame / best peer', 'target', ''];
  const lines = [head, head.map(() => '---')];
  for (const r of rows) {
    lines.push([
      r.scenario,
      `${r.measure} (${r.unit})`,
      cell(r.trame),
      cell(r.yWebsocket),
      cell(r.hocuspocus),
      r.ratio !== undefined && Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : '',
      r.target ?? '',
      r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
    ]);
  }
  return lines.map((l) => `| ${l.join(' | ')} |`).join('\n');
}
