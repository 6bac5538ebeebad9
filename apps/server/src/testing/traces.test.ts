import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { concurrentTraceEdits, loadTrace, type ConcurrentTrace } from './traces.js';

describe('concurrentTraceEdits', () => {
  it('reproduces friendsforever offline when every edit is applied', () => {
    const trace = loadTrace<ConcurrentTrace>('friendsforever');
    const edits = concurrentTraceEdits(trace);
    const doc = new Y.Doc();
    for (const e of edits) Y.applyUpdate(doc, e.update);
    expect(doc.getText('t').toString()).toBe(trace.endContent);
  });
});
