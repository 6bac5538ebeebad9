import { FrameKind } from '@trame/protocol';
import { fromHex, ready } from '@trame/sync';
import type { Identity } from '@trame/crypto';
import { RawClient, rawUpdate } from '../scaleout/rawFrames.js';

/**
 * The member of `npm run bench:attacks`, in a process of its own so that the attacker's work
 * (signing thousands of frames) does not slow the measurement: one small update every 25 ms,
 * each ACK timed. Started with `fork`; the parent sends 'stop' and gets the samples back.
 */
interface ProbeArgs {
  url: string;
  spaceId: string;
  docId: string;
  publicKey: string;
  secretKey: string;
  boxPublicKey: string;
  boxSecretKey: string;
}

await ready();
const a = JSON.parse(process.env.PROBE ?? '{}') as ProbeArgs;
const identity = {
  publicKey: fromHex(a.publicKey),
  secretKey: fromHex(a.secretKey),
  boxPublicKey: fromHex(a.boxPublicKey),
  boxSecretKey: fromHex(a.boxSecretKey),
} as Identity;
const spaceId = fromHex(a.spaceId);
const docId = fromHex(a.docId);
const client = new RawClient(a.url, identity, spaceId, docId);
await client.ready();
const samples: Array<[number, number]> = [];
let running = true;
process.on('message', () => {
  running = false;
});
process.send!('ready');
let clock = 1;
while (running) {
  const t = performance.now();
  client.send(rawUpdate(identity, spaceId, docId, clock));
  const answer = await client.answer(30_000).catch(() => null);
  if (answer?.kind === FrameKind.Ack) {
    samples.push([Date.now(), performance.now() - t]);
    clock += 1;
  }
  await new Promise((r) => setTimeout(r, 25));
}
client.close();
process.send!({ samples }, undefined, {}, () => process.exit(0));
