import * as Y from 'yjs';
import { decodeFrame, encodeUpdateHeader, type UpdateFrame } from '@trame/protocol';
import { deriveDocKey, generateIdentity, openContentFrame, randomBytes, sealContentFrame } from '@trame/crypto';

/** Client CPU per edit, in µs (medians of several passes). */
export interface ClientCost {
  /** Yjs: insert one character into a Y.Text and encode the update (what any provider sends). */
  yjsLocalEdit: number;
  /** Yjs: apply one remote single-character update to a Y.Doc. */
  yjsRemoteApply: number;
  /** Trame: header, XChaCha20-Poly1305 and Ed25519 over one edit's update (the frame sent). */
  trameSeal: number;
  /** Trame: parse, verify the signature and decrypt one received UPDATE. */
  trameOpen: number;
  /** Trame total, sending side: Yjs edit + seal + the engine's shadow-doc apply. */
  trameLocalTotal: number;
  /** Trame total, receiving side: open + apply to the shadow and to the editor's doc. */
  trameRemoteTotal: number;
}

function timePerOp(n: number, fn: (i: number) => void): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return ((performance.now() - t0) * 1000) / n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Measures the per-keystroke CPU of a Trame client beside Yjs's own cost, on a document of a
 * few thousand characters, in the worker (one thread, nothing else running).
 */
export function clientCost(n: number, passes: number): ClientCost {
  const author = generateIdentity();
  const docId = randomBytes(16);
  const key = deriveDocKey(randomBytes(32), docId);
  const spaceId = randomBytes(16);
  const r: Record<keyof ClientCost, number[]> = {
    yjsLocalEdit: [],
    yjsRemoteApply: [],
    trameSeal: [],
    trameOpen: [],
    trameLocalTotal: [],
    trameRemoteTotal: [],
  };
  for (let p = 0; p < passes; p++) {
    const local = new Y.Doc();
    const text = local.getText('t');
    text.insert(0, 'x'.repeat(2000));
    const base = Y.encodeStateAsUpdate(local);
    const remote = new Y.Doc();
    const shadow = new Y.Doc();
    const editor = new Y.Doc();
    for (const d of [remote, shadow, editor]) Y.applyUpdate(d, base);
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    r.yjsLocalEdit.push(timePerOp(n, (i) => text.insert((i * 7919) % text.length, 'a')));
    r.yjsRemoteApply.push(timePerOp(n, (i) => Y.applyUpdate(remote, updates[i]!)));
    const frames: Uint8Array[] = [];
    r.trameSeal.push(
      timePerOp(n, (i) => {
        const header = encodeUpdateHeader({
          spaceId,
          docId,
          epoch: 0,
          snapshotId: new Uint8Array(16),
          author: author.publicKey,
          clock: i + 1,
        });
        frames.push(sealContentFrame(header, key, updates[i]!, author));
      }),
    );
    const shadowApply = timePerOp(n, (i) => Y.applyUpdate(shadow, updates[i]!));
    r.trameLocalTotal.push(r.yjsLocalEdit.at(-1)! + r.trameSeal.at(-1)! + shadowApply);
    const opened: Uint8Array[] = [];
    r.trameOpen.push(timePerOp(n, (i) => opened.push(openContentFrame(decodeFrame(frames[i]!) as UpdateFrame, key))));
    const editorApply = timePerOp(n, (i) => Y.applyUpdate(editor, opened[i]!));
    r.trameRemoteTotal.push(r.trameOpen.at(-1)! + 2 * editorApply);
  }
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, median(v)])) as unknown as ClientCost;
}
