import { describe, expect, it } from 'vitest';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { startTestRelay } from '../testing/startTestRelay.js';
import { fuzzDecoder } from './fuzzDecoder.js';
import { fuzzSeeds } from './fuzzSeeds.js';
import { fuzzWire } from './fuzzWire.js';

// The short version of `npm run fuzz` (1,000,000 decoder frames, 20,000 over the wire).
describe('fuzz (short)', () => {
  it('R2: 20,000 random and mutated frames through the decoder raise only typed errors', () => {
    const seed = 1 + (Date.now() % 10_000);
    const report = fuzzDecoder(
      fuzzSeeds(createTestIdentity(), createTestIdentity(), randomId(), randomId()),
      30_000,
      seed,
    );
    expect(report.firstForeign, `seed ${seed}`).toBeNull();
    expect(report.typedErrors).toBeGreaterThan(12_000);
    expect(report.decoded).toBeGreaterThan(0);
  });

  it('R2/R14: 400 fuzzed frames over the wire in every connection state are each answered with a typed error, an ACK or a Trame close; the relay keeps serving', async () => {
    const r = await startTestRelay({ limits: { framesPerSecond: 100_000, frameBurst: 100_000 } });
    try {
      const seed = 1 + (Date.now() % 10_000);
      const report = await fuzzWire(r.url, r.running.httpUrl, 400, seed);
      expect(report.firstForeign, `seed ${seed}`).toBeNull();
      expect(report.typedErrors).toBeGreaterThan(150);
      expect(Object.values(report.byState).every((n) => n === 100)).toBe(true);
      expect(report.stillServing).toBe(true);
      expect(r.logs.some((l) => l.includes('connection.internal_error'))).toBe(false);
    } finally {
      await r.close();
    }
  }, 60_000);
});
