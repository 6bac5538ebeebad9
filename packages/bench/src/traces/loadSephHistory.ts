import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';

/** A sequential editing trace replayed into Yjs: one update per transaction, and the end state. */
export interface TraceHistory {
  name: string;
  updates: Uint8Array[];
  /** `Y.encodeStateAsUpdate` of the final document: the compacted form. */
  state: Uint8Array;
  /** Length of the final Y.Text (UTF-16 code units). */
  length: number;
  /** Whether the replay reached the trace's `endContent`. */
  matches: boolean;
}

interface SequentialTrace {
  startContent: string;
  endContent: string;
  txns: Array<{ patches: Array<[number, number, string]> }>;
}

/** `../shared/data/editing-traces/` relative to the repository root. */
export const TRACE_DIR = fileURLToPath(new URL('../../../../../shared/data/editing-traces/', import.meta.url));

/**
 * Replays a sequential trace (`seph-blog1` by default) into a Y.Doc, one transaction per trace
 * transaction, and keeps each transaction's update: the document's history as any Yjs server
 * would have received it, keystroke by keystroke. `limit` keeps the first transactions only.
 */
export function loadSephHistory(name = 'seph-blog1', limit = Infinity): TraceHistory {
  const trace = JSON.parse(gunzipSync(readFileSync(`${TRACE_DIR}${name}.json.gz`)).toString('utf8')) as SequentialTrace;
  const doc = new Y.Doc();
  doc.clientID = 1;
  const text = doc.getText('t');
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  if (trace.startContent) text.insert(0, trace.startContent);
  const txns = trace.txns.slice(0, Math.min(limit, trace.txns.length));
  for (const txn of txns) {
    doc.transact(() => {
      for (const [pos, del, ins] of txn.patches) {
        if (del > 0) text.delete(pos, del);
        if (ins) text.insert(pos, ins);
      }
    });
  }
  const out = text.toString();
  return {
    name,
    updates,
    state: Y.encodeStateAsUpdate(doc),
    length: out.length,
    matches: txns.length === trace.txns.length && out === trace.endContent,
  };
}
