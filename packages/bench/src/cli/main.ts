import { cpus, release, totalmem, type } from 'node:os';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildRows } from '../report/buildRows.js';
import { describeFanout } from '../report/describeFanout.js';
import type { BenchResults } from '../report/BenchResults.js';
import { formatTable } from '../report/formatTable.js';
import { renderLatencySvg } from '../report/renderLatencySvg.js';
import { writeDocs } from '../report/writeDocs.js';
import { BenchEnv } from '../scenarios/BenchEnv.js';
import { runColdOpen } from '../scenarios/runColdOpen.js';
import { runFanout } from '../scenarios/runFanout.js';
import { runKeystroke } from '../scenarios/runKeystroke.js';
import { runTraces } from '../scenarios/runTraces.js';
import { runMemory } from '../scenarios/runMemory.js';
import { runReconnect } from '../scenarios/runReconnect.js';
import { SERVER_KINDS, type ServerKind } from '../servers/ServerKind.js';
import { parseOptions } from './parseOptions.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '?';
  }
}

/** `npm run bench [-- --quick] [--only keystroke,traces,fanout,coldOpen,memory,reconnect,clientCost] [--servers …] [--reps N] [--profile DIR]`. */
async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const t0 = Date.now();
  const kinds = SERVER_KINDS.filter((k) => o.servers.length === 0 || o.servers.includes(k)) as ServerKind[];
  const wants = (s: string): boolean => o.only.length === 0 || o.only.includes(s);
  mkdirSync(o.dataRoot, { recursive: true });
  if (o.cpuProfileDir) mkdirSync(o.cpuProfileDir, { recursive: true });
  const env = new BenchEnv(o);
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      quick: o.quick,
      reps: o.reps,
      machine: {
        cpu: cpus()[0]?.model ?? '?',
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        os: `${type()} ${release()}`,
      },
      node: process.version,
      versions: Object.fromEntries(
        [
          'yjs',
          'y-websocket',
          '@y/websocket-server',
          '@hocuspocus/server',
          '@hocuspocus/provider',
          'ws',
          'better-sqlite3',
          'libsodium-wrappers',
          'hono',
          '@hono/node-server',
        ].map((p) => [p, version(p)]),
      ),
      options: { ...o, dataRoot: undefined },
      durationS: 0,
    },
  };
  try {
    if (wants('clientCost')) {
      console.error('client cost per keystroke…');
      results.clientCost = await env.workers[0]!.call('clientCost', {
        n: o.quick ? 1000 : 3000,
        passes: o.quick ? 3 : 7,
      });
    }
    if (wants('keystroke')) {
      console.error('keystroke to remote render (and fan-out at typing pace)…');
      results.keystroke = await runKeystroke(env, kinds);
    }
    // Real traces play for seconds of their authors' time: not in the quick mode unless asked.
    if (o.only.includes('traces') || (!o.quick && wants('traces'))) {
      console.error('keystroke to remote render on real traces…');
      results.traces = await runTraces(env, kinds);
    }
    if (wants('fanout')) {
      console.error(`fan-out throughput (${o.fanoutClients} clients × ${o.fanoutKeysPerSec} keys/s)…`);
      results.fanout = await runFanout(env, kinds);
    }
    if (wants('coldOpen')) {
      console.error('cold open…');
      results.coldOpen = await runColdOpen(env, kinds);
    }
    if (wants('memory')) {
      console.error('memory…');
      results.memory = await runMemory(env, kinds);
    }
    if (wants('reconnect')) {
      console.error('reconnect storm…');
      results.reconnect = await runReconnect(env, kinds);
    }
  } finally {
    await env.close();
    rmSync(o.dataRoot, { recursive: true, force: true });
  }
  results.meta.durationS = (Date.now() - t0) / 1000;
  const rows = buildRows(results);
  const table = formatTable(rows);
  console.log(
    `\nTrame vs y-websocket vs Hocuspocus — ${results.meta.date}, ${results.meta.machine.cores} × ${results.meta.machine.cpu}, Node ${process.version}${o.quick ? ' (quick)' : ''}\n`,
  );
  console.log(table);
  const fanoutNote = results.fanout ? describeFanout(results.fanout) : '';
  if (fanoutNote) console.log(`\n${fanoutNote}`);
  const outDir = join(REPO, 'packages', 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const json = `${JSON.stringify({ ...results, rows }, null, 1)}\n`;
  const outFile = join(outDir, o.quick ? 'quick.json' : 'latest.json');
  writeFileSync(outFile, json);
  console.log(`\nJSON: ${outFile} (${results.meta.durationS.toFixed(0)} s)`);
  if (o.writeDocs) {
    const svg = results.keystroke
      ? renderLatencySvg(results.keystroke, `Keystroke to remote render, ${o.keysPerSec} keys/s per editor`)
      : null;
    const m = results.meta;
    const generated = [
      `Generated by \`npm run bench\` on ${m.date.slice(0, 10)} (${m.durationS.toFixed(0)} s, ${m.reps} repetitions, medians ± half the inter-quartile range).`,
      `Machine: ${m.machine.cores} × ${m.machine.cpu}, ${m.machine.memoryGiB} GiB, ${m.machine.os}; Node ${m.node}.`,
      `Versions: ${Object.entries(m.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
      '',
      table,
      '',
      ...(fanoutNote ? [fanoutNote, ''] : []),
      svg ? '![Keystroke latency by room size](benchmarks/keystroke-latency.svg)' : '',
    ].join('\n');
    writeDocs(REPO, generated, { 'results.json': json, ...(svg ? { 'keystroke-latency.svg': svg } : {}) });
    console.log('docs/benchmarks.md updated');
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
