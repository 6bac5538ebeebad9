import * as Y from 'yjs';
import { bytesEqual, decodeFrame, encodeUpdateHeader, type UpdateFrame } from '@trame/protocol';
import {
  chainLink,
  deriveDocKey,
  generateIdentity,
  openChainedUpdate,
  randomBytes,
  sealContentFrame,
} from '@trame/crypto';
import { mustSign, SPARSE_SIGNATURE_POLICY } from '@trame/sync';

/** Client CPU per edit, in µs (medians of several passes). */
export interface ClientCost {
  /** Yjs: insert one character into a Y.Text and encode the update (what any provider sends). */
  yjsLocalEdit: number;
  /** Yjs: apply one remote single-character update to a Y.Doc. */
  yjsRemoteApply: number;
  /** Trame: header, XChaCha20-Poly1305, chain link and (R51: one in 32 or per second) Ed25519. */
  trameSeal: number;
  /** Trame: parse, check the chain link, verify the signature if signed (R51), decrypt. */
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
export function clientCost(n: number, passes: number, sparse = true): ClientCost {
  const policy = sparse ? SPARSE_SIGNATURE_POLICY : { everyFrames: 1, everyMs: 0 };
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
    // R50/R51 as the client does it: chained to the previous link, signed per the policy.
    let prevLink: Uint8Array = new Uint8Array(32);
    let unsignedSince = 0;
    let lastSignedAt = 0;
    r.trameSeal.push(
      timePerOp(n, (i) => {
        const now = performance.now();
        const signed = mustSign(unsignedSince, lastSignedAt, now, policy);
        if (signed) {
          unsignedSince = 0;
          lastSignedAt = now;
        } else unsignedSince++;
        const header = encodeUpdateHeader({
          spaceId,
          docId,
          epoch: 0,
          snapshotId: new Uint8Array(16),
          author: author.publicKey,
          clock: i + 1,
          prevLink,
          signed,
        });
        const frame = sealContentFrame(header, key, updates[i]!, author);
        prevLink = chainLink(signed ? frame.subarray(0, frame.length - 64) : frame);
        frames.push(frame);
      }),
    );
    const shadowApply = timePerOp(n, (i) => Y.applyUpdate(shadow, updates[i]!));
    r.trameLocalTotal.push(r.yjsLocalEdit.at(-1)! + r.trameSeal.at(-1)! + shadowApply);
    const opened: Uint8Array[] = [];
    let expected: Uint8Array = new Uint8Array(32);
    r.trameOpen.push(
      timePerOp(n, (i) => {
        const f = decodeFrame(frames[i]!) as UpdateFrame;
        if (!bytesEqual(f.prevLink, expected)) throw new Error('chain broken');
        expected = chainLink(f.body);
        opened.push(openChainedUpdate(f, key));
      }),
    );
    const editorApply = timePerOp(n, (i) => Y.applyUpdate(editor, opened[i]!));
    r.trameRemoteTotal.push(r.trameOpen.at(-1)! + 2 * editorApply);
  }
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, median(v)])) as unknown as ClientCost;
}
