import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { silentLogger } from '../logging/silentLogger.js';
import { startRelay } from '../relay/startRelay.js';
import { fuzzDecoder } from './fuzzDecoder.js';
import { fuzzSeeds } from './fuzzSeeds.js';
import { fuzzWire } from './fuzzWire.js';

/**
 * `npm run fuzz [-- <decoder frames> <wire frames> <seed>]`: 1,000,000 frames through the
 * decoder and 20,000 over the wire against a relay on 127.0.0.1, in every connection state.
 * Exits 1 on a foreign exception, an unanswered frame or a relay that stopped serving.
 */
const [decoderCount = 1_000_000, wireCount = 20_000, seed = Date.now() % 1_000_000] = process.argv.slice(2).map(Number);
console.log(`fuzz seed ${seed}`);
const decoder = fuzzDecoder(
  fuzzSeeds(createTestIdentity(), createTestIdentity(), randomId(), randomId()),
  decoderCount,
  seed,
);
console.log('decoder', JSON.stringify(decoder));
const dataDir = mkdtempSync(join(tmpdir(), 'trame-fuzz-'));
const relay = await startRelay({
  dataDir,
  logger: silentLogger,
  // The fuzzer sends thousands of frames per connection: the rate limit would answer most.
  limits: { framesPerSecond: 100_000, frameBurst: 100_000, handshakeBurstPerAddress: 1_000_000 },
});
let failed = decoder.foreignExceptions > 0;
try {
  const wire = await fuzzWire(relay.url, relay.httpUrl, wireCount, seed);
  console.log('wire', JSON.stringify(wire));
  failed ||= wire.foreign > 0 || !wire.stillServing;
} finally {
  await relay.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
