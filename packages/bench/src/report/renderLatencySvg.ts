import { quantileSorted } from '../stats/summarize.js';
import type { KeystrokeResult } from '../scenarios/runKeystroke.js';
import type { ServerKind } from '../servers/ServerKind.js';

const COLORS: Record<ServerKind, string> = { trame: '#1b7f5a', 'y-websocket': '#3a62c9', hocuspocus: '#c9663a' };

/**
 * Keystroke latency distributions by room size as an SVG: one box per server and room
 * (whiskers p5-p99, box p25-p75, bar at p50) on a logarithmic millisecond axis.
 */
export function renderLatencySvg(k: KeystrokeResult, title: string): string {
  const sizes = Object.keys(k.samples)
    .map(Number)
    .sort((a, b) => a - b);
  const kinds: ServerKind[] = ['trame', 'y-websocket', 'hocuspocus'];
  const rowH = 22;
  const groupH = kinds.length * rowH + 18;
  const left = 150;
  const width = 760;
  const plotW = width - left - 30;
  const height = 60 + sizes.length * groupH + 40;
  const all = sizes.flatMap((s) => kinds.flatMap((kd) => k.samples[s]?.[kd] ?? []));
  const lo = Math.max(0.1, Math.min(...all.filter((x) => x > 0)));
  const hi = Math.max(...all);
  const minL = Math.floor(Math.log10(lo));
  const maxL = Math.ceil(Math.log10(hi));
  const x = (v: number): number => left + ((Math.log10(Math.max(v, 10 ** minL)) - minL) / (maxL - minL)) * plotW;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
  );
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(`<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${title}</text>`);
  for (let l = minL; l <= maxL; l++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** l;
      if (v > 10 ** maxL) continue;
      const xx = x(v).toFixed(1);
      out.push(`<line x1="${xx}" y1="40" x2="${xx}" y2="${height - 35}" stroke="${m === 1 ? '#ccc' : '#eee'}"/>`);
      out.push(
        `<text x="${xx}" y="${height - 20}" text-anchor="middle" fill="#555">${v >= 1 ? v : v.toFixed(1)}</text>`,
      );
    }
  }
  out.push(
    `<text x="${left + plotW / 2}" y="${height - 5}" text-anchor="middle">ms from local insert to remote observer (log scale)</text>`,
  );
  sizes.forEach((size, g) => {
    const y0 = 45 + g * groupH;
    out.push(`<text x="8" y="${y0 + 12}" font-weight="bold">${size} editors</text>`);
    kinds.forEach((kd, i) => {
      const xs = [...(k.samples[size]?.[kd] ?? [])].sort((a, b) => a - b);
      const y = y0 + 16 + i * rowH;
      out.push(`<text x="${left - 8}" y="${y + 4}" text-anchor="end">${kd}</text>`);
      if (xs.length === 0) return;
      const q = (p: number): number => x(quantileSorted(xs, p));
      const c = COLORS[kd];
      out.push(`<line x1="${q(0.05).toFixed(1)}" y1="${y}" x2="${q(0.99).toFixed(1)}" y2="${y}" stroke="${c}"/>`);
      out.push(
        `<rect x="${q(0.25).toFixed(1)}" y="${y - 7}" width="${Math.max(1, q(0.75) - q(0.25)).toFixed(1)}" height="14" fill="${c}" fill-opacity="0.35" stroke="${c}"/>`,
      );
      out.push(
        `<line x1="${q(0.5).toFixed(1)}" y1="${y - 8}" x2="${q(0.5).toFixed(1)}" y2="${y + 8}" stroke="${c}" stroke-width="3"/>`,
      );
      out.push(
        `<line x1="${q(0.99).toFixed(1)}" y1="${y - 5}" x2="${q(0.99).toFixed(1)}" y2="${y + 5}" stroke="${c}" stroke-width="2"/>`,
      );
    });
  });
  out.push('</svg>');
  return out.join('\n');
}
