import { afterEach, describe, expect, it, vi } from 'vitest';
import { DurabilityNotice } from './DurabilityNotice.js';

function room(): { sent: number; sendDurable(): void } {
  return {
    sent: 0,
    sendDurable() {
      this.sent += 1;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('DurabilityNotice (R47)', () => {
  it('notifies a room only once nothing forwarded in it waits for its sync', () => {
    const peer = room();
    const n = new DurabilityNotice(
      () => [peer],
      100,
      () => 0,
    );
    n.forwarded('d');
    n.forwarded('d');
    expect(n.isDurable('d')).toBe(false);
    n.synced('d');
    expect(peer.sent).toBe(0);
    n.synced('d');
    expect(peer.sent).toBe(1);
    expect(n.isDurable('d')).toBe(true);
    n.close();
  });

  it('sends at most one notice per interval and a trailing one for what came meanwhile', () => {
    vi.useFakeTimers();
    let now = 0;
    const peer = room();
    const n = new DurabilityNotice(
      () => [peer],
      100,
      () => now,
    );
    for (let i = 0; i < 5; i++) {
      n.forwarded('d');
      n.synced('d');
      now += 10;
    }
    expect(peer.sent).toBe(1);
    now = 100;
    vi.advanceTimersByTime(100);
    expect(peer.sent).toBe(2);
    // A frame still waiting when the trailing timer fires: its own sync schedules the next one.
    n.forwarded('d');
    n.synced('d');
    n.forwarded('d');
    now = 200;
    vi.advanceTimersByTime(100);
    expect(peer.sent).toBe(2);
    n.synced('d');
    expect(peer.sent).toBe(3);
    n.close();
  });

  it('frames durable before they were forwarded (PostgreSQL, other instances) are notified too', () => {
    const peer = room();
    const n = new DurabilityNotice(
      () => [peer],
      100,
      () => 0,
    );
    n.delivered('d');
    expect(peer.sent).toBe(1);
    n.close();
  });
});
