import { afterEach, describe, expect, it } from 'vitest';
import { buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { rawUpgrade } from '../testing/rawUpgrade.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient } from '../testing/TestClient.js';
import { FrameKind, Role } from '@trame/protocol';

const relays: TestRelay[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(relays.splice(0).map((r) => r.close()));
});

function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : NaN;
}

describe('GET /metrics', () => {
  it('serves connections by phase, frames and bytes, rejections, refused upgrades, storage latency and RSS in Prometheus text', async () => {
    const r = await startTestRelay();
    relays.push(r);
    const admin = createTestIdentity();
    const viewer = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    await s.add(viewer, Role.Viewer);
    const docId = randomId();
    const [writer] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId });
    const [reader] = await TestClient.open(r.url, viewer, { spaceId: s.spaceId, docId });
    clients.push(writer, reader);
    writer.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 1 }));
    await writer.expectAck();
    await reader.expect(FrameKind.Update);
    reader.send(buildUpdate({ author: viewer, spaceId: s.spaceId, docId, clock: 1 }));
    await reader.expectError('FORBIDDEN_ROLE');
    const refused = await rawUpgrade(r.running.httpUrl, { protocol: null });
    expect(refused.status).toBe(400);

    const res = await fetch(`${r.running.httpUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(value(text, 'trame_connections{phase="open"}')).toBe(3);
    expect(value(text, 'trame_connections_pending')).toBe(0);
    expect(value(text, 'trame_frames_received_total{kind="Update"}')).toBe(2);
    expect(value(text, 'trame_bytes_received_total')).toBeGreaterThan(0);
    expect(value(text, 'trame_frames_sent_total')).toBeGreaterThan(0);
    expect(value(text, 'trame_rejections_total{code="FORBIDDEN_ROLE"}')).toBe(1);
    expect(value(text, 'trame_upgrades_refused_total{reason="subprotocol"}')).toBe(1);
    expect(value(text, 'trame_storage_write_seconds_count{outcome="ok"}')).toBeGreaterThanOrEqual(3);
    expect(value(text, 'trame_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).not.toContain(Buffer.from(s.spaceId).toString('hex'));
  });
});
