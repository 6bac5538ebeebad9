// `node scripts/bench-storage-attack.mjs <repo root> [2m|128k]` (after a build): the SQLite storage alone
// under HOSTILE-3-like writes (ADR 0009). A member commits one small update every 25 ms and times
// commit -> durable, at rest (REST_MS) then while an attacker in another space writes 2 MiB updates,
// or 128 KiB updates to 16 documents, paced at ATTACK_RATE bytes/s (default 4 MiB/s), for ATTACK_MS.
// Pass another checkout as <repo root> to compare two builds in one sitting.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const root = process.argv[2];
const mode = process.argv[3] ?? '2m';
const d = (p) => import(join(root, 'packages/relay/dist', p));
const { SqliteStorage } = await d('storage/sqlite/SqliteStorage.js');
const { acceptUpdate } = await d('documents/acceptUpdate.js');
const { acceptMembership } = await d('space/acceptMembership.js');
const { buildUpdate } = await d('testing/buildFrames.js');
const { MembershipLog } = await d('testing/MembershipLog.js');
const { createTestIdentity } = await d('testing/createTestIdentity.js');
const { randomId } = await d('testing/randomId.js');
const { decodeFrame } = await import(join(root, 'packages/protocol/dist/index.js'));

const dir = mkdtempSync(join(tmpdir(), 'trame-sbench-'));
const storage = SqliteStorage.open(join(dir, 'trame.sqlite'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function space(who) {
  const log = new MembershipLog(randomId());
  const raw = log.genesis(who);
  await storage.withSpace(log.spaceId, (tx) =>
    acceptMembership(tx, decodeFrame(raw), { spaceId: log.spaceId, nowSeconds: 0, create: true }),
  );
  log.accepted(raw);
  return log;
}

async function write(spaceId, docId, raw) {
  const staged = storage.stageFrame ? await storage.stageFrame(raw) : null;
  try {
    const w = storage.commitDocument
      ? await storage.commitDocument(spaceId, docId, (tx) => acceptUpdate(tx, decodeFrame(raw)))
      : { durable: storage.withDocument(spaceId, docId, (tx) => acceptUpdate(tx, decodeFrame(raw))) };
    await w.durable;
  } finally {
    staged?.release();
  }
}

const member = createTestIdentity();
const attacker = createTestIdentity();
const m = await space(member);
const a = await space(attacker);
const mDoc = randomId();
let clock = 0;
const samples = [];
let stopMember = false;
const memberLoop = (async () => {
  while (!stopMember) {
    const raw = buildUpdate({ author: member, spaceId: m.spaceId, docId: mDoc, clock: ++clock });
    const t = performance.now();
    await write(m.spaceId, mDoc, raw);
    samples.push([t, performance.now() - t]);
    await sleep(25);
  }
})();
await sleep(Number(process.env.REST_MS ?? 4000));
const attackStart = performance.now();
let stopAttack = false;
const docs = mode === '2m' ? [randomId()] : Array.from({ length: 16 }, () => randomId());
const size = mode === '2m' ? 2 * 1024 * 1024 - 4096 : 128 * 1024;
// Paced like the relay's byte budgets let one identity write (bytes per second), 0: unpaced.
const rate = Number(process.env.ATTACK_RATE ?? 4 * 1024 * 1024);
let written = 0;
const attackers = docs.map(async (docId) => {
  for (let c = 1; !stopAttack; c++) {
    await write(
      a.spaceId,
      docId,
      buildUpdate({ author: attacker, spaceId: a.spaceId, docId, clock: c, ciphertext: randomBytes(size) }),
    );
    written += size;
    if (rate > 0) {
      const due = attackStart + (written / rate) * 1000;
      if (due > performance.now()) await sleep(due - performance.now());
    }
  }
});
await sleep(Number(process.env.ATTACK_MS ?? 8000));
stopMember = true;
stopAttack = true;
await memberLoop;
await Promise.all(attackers);
const q = (xs, p) => {
  const s = [...xs].sort((x, y) => x - y);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * p))] * 10) / 10;
};
const rest = samples.filter(([t]) => t < attackStart).map(([, ms]) => ms);
const att = samples.filter(([t]) => t >= attackStart).map(([, ms]) => ms);
console.log(
  JSON.stringify({
    root,
    mode,
    restP50: q(rest, 0.5),
    restP99: q(rest, 0.99),
    attackP50: q(att, 0.5),
    attackP99: q(att, 0.99),
    ratioP99: Math.round((q(att, 0.99) / q(rest, 0.99)) * 10) / 10,
    attackerMiB: Math.round(written / 2 ** 20),
  }),
);
await storage.close();
rmSync(dir, { recursive: true, force: true });
