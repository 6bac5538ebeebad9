import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';

/** One patch: [position in code points, deleted count, inserted text]. */
export type Patch = [number, number, string];

export interface ConcurrentTxn {
  parents: number[];
  agent: number;
  patches: Patch[];
}

export interface ConcurrentTrace {
  kind: 'concurrent';
  endContent: string;
  numAgents: number;
  txns: ConcurrentTxn[];
}

export interface SequentialTrace {
  startContent: string;
  endContent: string;
  txns: Array<{ patches: Patch[] }>;
}

/**
 * `../shared/data/editing-traces/` next to the repository (where CI puts it), or
 * `TRAME_TRACES_DIR` for a checkout that lives elsewhere.
 */
const TRACE_DIR = process.env.TRAME_TRACES_DIR
  ? `${process.env.TRAME_TRACES_DIR.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../../../../shared/data/editing-traces/', import.meta.url));

/** Reads `../shared/data/editing-traces/NAME.json.gz` (CC BY 4.0, see its README). */
export function loadTrace<T = ConcurrentTrace | SequentialTrace>(name: string): T {
  return JSON.parse(gunzipSync(readFileSync(`${TRACE_DIR}${name}.json.gz`)).toString('utf8')) as T;
}

/** Applies one transaction's patches to a Y.Text (the traces used here are BMP-only). */
export function applyPatches(text: Y.Text, patches: Patch[]): void {
  for (const [pos, del, ins] of patches) {
    if (del > 0) text.delete(pos, del);
    if (ins.length > 0) text.insert(pos, ins);
  }
}

export interface AgentEdit {
  agent: number;
  /** The Yjs update this transaction produced in its agent's document. */
  update: Uint8Array;
  /**
   * Yjs state (per other agent's client id) the agent's document held when it made this edit.
   * An edit applied before those structs are present would stay pending inside Yjs and then be
   * integrated by a remote transaction, which providers do not forward: a replay must wait.
   */
  requires: Map<number, number>;
}

/**
 * Replays a concurrent trace offline, one Y.Doc per agent, merging exactly the parents of each
 * transaction before applying it, and returns the Yjs update each transaction produced. Clients
 * then replay their agent's edits through the relay. Merges are tracked by transaction index,
 * not by Yjs clocks: a delete-only transaction does not advance a Yjs clock.
 */
export function concurrentTraceEdits(trace: ConcurrentTrace): AgentEdit[] {
  const n = trace.numAgents;
  const docs = Array.from({ length: n }, (_, i) => {
    const d = new Y.Doc();
    d.clientID = 1000 + i;
    return d;
  });
  /** For each agent, its transactions' indexes in order. */
  const byAgent: number[][] = Array.from({ length: n }, () => []);
  /** For each agent's doc, how many of each agent's transactions it holds. */
  const merged: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  /** For each transaction, how many of each agent's transactions its version holds. */
  const version: number[][] = [];
  const edits: AgentEdit[] = [];
  trace.txns.forEach((txn, i) => {
    const a = txn.agent;
    const doc = docs[a]!;
    const want = new Array<number>(n).fill(0);
    for (const p of txn.parents) for (let k = 0; k < n; k++) want[k] = Math.max(want[k]!, version[p]![k]!);
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const done = merged[a]!;
      while (done[b]! < want[b]!) {
        Y.applyUpdate(doc, edits[byAgent[b]![done[b]!]!]!.update);
        done[b] = done[b]! + 1;
      }
    }
    const requires = new Map<number, number>();
    for (const other of docs) {
      if (other === doc) continue;
      const clock = Y.getState(doc.store, other.clientID);
      if (clock > 0) requires.set(other.clientID, clock);
    }
    let update: Uint8Array = new Uint8Array();
    const capture = (u: Uint8Array): void => {
      update = u;
    };
    doc.on('update', capture);
    doc.transact(() => applyPatches(doc.getText('t'), txn.patches));
    doc.off('update', capture);
    byAgent[a]!.push(i);
    merged[a]![a] = byAgent[a]!.length;
    want[a] = byAgent[a]!.length;
    version[i] = want;
    edits.push({ agent: a, update, requires });
  });
  return edits;
}
