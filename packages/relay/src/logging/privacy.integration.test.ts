import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authSigningInput, encodeAuth, encodeHello, FrameKind, MembershipAction, Role, ZERO_ID } from '@trame/protocol';
import { buildEphemeral, buildSnapshot, buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { snapshotProofOf } from '../testing/snapshotProofOf.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient } from '../testing/TestClient.js';

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay();
});
afterAll(async () => {
  await relay.close();
});

function canary(label: string): Uint8Array {
  return new TextEncoder().encode(`${label}-CANARY-q7Zx93-${label}-CANARY-q7Zx93-${label}`);
}

/** Every way the bytes could show up in a text log: raw text, hex, base64 at each alignment. */
function encodings(bytes: Uint8Array): string[] {
  const b = Buffer.from(bytes);
  const out = [b.toString('latin1'), b.toString('hex'), b.toString('hex').toUpperCase()];
  for (let offset = 0; offset < 3; offset++) out.push(b.subarray(offset).toString('base64').slice(4, 24));
  return out;
}

function databaseBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

describe('privacy', () => {
  it('logs ids and sizes only: no frame content, sealed key, signature or challenge, accepted or rejected', async () => {
    const admin = createTestIdentity();
    const editor = createTestIdentity();
    const s = await createTestSpace(relay.url, admin);
    const docId = randomId();
    const updateCanary = canary('UPDATE');
    const snapshotCanary = canary('SNAPSHOT');
    const ephemeralCanary = canary('EPHEMERAL');

    // Membership with a recognisable sealed bundle.
    await s.add(editor, Role.Editor);

    const c = await TestClient.connect(relay.url);
    const hello = encodeHello({
      create: false,
      spaceId: s.spaceId,
      docId,
      identity: editor.publicKey,
      knownMembershipSeq: -1,
      knownSnapshotId: ZERO_ID,
    });
    c.send(hello);
    const challenge = await c.expect(FrameKind.Challenge);
    const authSig = editor.sign(authSigningInput(challenge.nonce, hello, c.relayHost));
    c.send(encodeAuth(authSig));
    while ((await c.next()).kind !== FrameKind.Ready);

    const u1 = buildUpdate({ author: editor, spaceId: s.spaceId, docId, clock: 1, ciphertext: updateCanary });
    c.send(u1);
    await c.expectAck();
    c.send(buildUpdate({ author: editor, spaceId: s.spaceId, docId, clock: 7, ciphertext: updateCanary }));
    await c.expectError('CLOCK_GAP');
    c.send(
      buildSnapshot({
        author: editor,
        spaceId: s.spaceId,
        docId,
        snapshotId: randomId(),
        height: 1,
        proof: snapshotProofOf(),
        clocks: [{ author: editor.publicKey, clock: 1 }],
        ciphertext: snapshotCanary,
      }),
    );
    await c.expectAck();
    c.send(buildEphemeral({ author: editor, spaceId: s.spaceId, docId, sequence: 1, ciphertext: ephemeralCanary }));
    c.send(buildEphemeral({ author: admin, spaceId: s.spaceId, docId, sequence: 2, ciphertext: ephemeralCanary }));
    await c.expectError('AUTHOR_MISMATCH');
    const forged = s.log.next(admin, MembershipAction.Add, createTestIdentity().publicKey, Role.Viewer, {
      signWith: editor,
    });
    s.control.send(forged);
    await s.control.expectError('BAD_SIGNATURE');
    await c.close();
    await s.control.close();

    const logs = relay.logs.join('');
    expect(logs).toContain('"event":"frame.rejected"');
    const secrets = [
      ...encodings(updateCanary),
      ...encodings(snapshotCanary),
      ...encodings(ephemeralCanary),
      ...encodings(challenge.nonce),
      ...encodings(authSig),
      ...encodings(u1.subarray(u1.length - 64)),
      ...encodings(forged.subarray(130, 200)),
    ];
    for (const secret of secrets) expect(logs).not.toContain(secret);
    // Every line is one JSON object with the documented envelope.
    for (const line of relay.logs) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(typeof parsed.ts).toBe('string');
      expect(typeof parsed.event).toBe('string');
    }

    // R27: awareness is never stored, while stored ciphertext is found by the same search.
    const db = databaseBytes(relay.dbFile);
    expect(db.includes(Buffer.from(updateCanary))).toBe(true);
    expect(db.includes(Buffer.from(ephemeralCanary))).toBe(false);
  });
});
