import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromHex, toHex } from '@trame/protocol';
import { newDocId, Role } from '@trame/sync';
import {
  openVersionHead,
  restoreVersion,
  sealVersion,
  signHistoryRequest,
  type VersionInfo,
} from '@trame/sync/history';
import { createSpace, e2eScope, openDoc, openSpace, person, text, waitFor } from './harness.js';
import { historyOf, idsOf, recordVersions, storedVersion } from './historyHarness.js';

const scope = e2eScope();
const closers = scope.closers;

/** Alice (animateur) and Bob (editor) in one space, each with the same new document open and synced. */
async function aliceAndBobOnOneDocument() {
  const relay = await scope.start();
  const alice = person('Alice');
  const bob = person('Bob');
  const spaceA = await createSpace(relay.url, alice);
  closers.push(() => spaceA.close());
  await spaceA.addMember(bob.identity.publicKey, Role.Editor);
  const spaceB = await openSpace(relay.url, bob, spaceA.spaceId);
  closers.push(() => spaceB.close());
  const docId = newDocId();
  const a = openDoc(spaceA, alice, docId);
  const b = openDoc(spaceB, bob, docId);
  closers.push(
    () => a.destroy(),
    () => b.destroy(),
  );
  await Promise.all([a.whenSynced(), b.whenSynced()]);
  return { relay, alice, bob, spaceA, spaceB, docId, a, b };
}

function stateOf(s: string): Uint8Array {
  const d = new Y.Doc();
  d.getText('t').insert(0, s);
  return Y.encodeStateAsUpdate(d);
}

function textOf(state: Uint8Array): string {
  const d = new Y.Doc();
  Y.applyUpdate(d, state);
  return d.getText('t').toString();
}

describe('HISTORY-1: versions of work sessions, kept encrypted at the relay', () => {
  it('HISTORY-1: sessions make versions listed with authors and times; one loads, and its restore is a new edit another client receives live', async () => {
    const { alice, bob, spaceA, spaceB, docId, a, b } = await aliceAndBobOnOneDocument();
    const histA = historyOf(spaceA, docId);
    const histB = historyOf(spaceB, docId);
    const recA = recordVersions(spaceA, a, histA);
    const recB = recordVersions(spaceB, b, histB);
    closers.push(
      () => void recA.recorder.stop(),
      () => void recB.recorder.stop(),
    );

    // Alice's session: many keystrokes, one version once she pauses.
    for (const ch of 'Motion votée.') a.doc.getText('t').insert(a.doc.getText('t').length, ch);
    await waitFor(() => recA.saved.length === 1, "Alice's version");
    await waitFor(() => text(b) === 'Motion votée.', 'Bob sees the text');
    // Bob's session, after Alice's edits arrived: he and Alice are its authors.
    b.doc.getText('t').insert(0, 'Brouillon : ');
    await waitFor(() => recB.saved.length === 1, "Bob's version");
    expect(recA.saved.length).toBe(1);

    const versions = await histA.list();
    expect(idsOf(versions)).toEqual([recB.saved[0], recA.saved[0]]);
    const [vBob, vAlice] = versions as [VersionInfo, VersionInfo];
    expect(vAlice.createdBy).toBe(toHex(alice.identity.publicKey));
    expect(vAlice.authors).toEqual([toHex(alice.identity.publicKey)]);
    expect(vBob.authors).toEqual([toHex(bob.identity.publicKey), toHex(alice.identity.publicKey)]);
    expect(vAlice.at).toBeLessThanOrEqual(vAlice.endAt);
    expect(vBob.endAt).toBeGreaterThanOrEqual(vAlice.endAt);
    expect(vAlice.size).toBeGreaterThan(200);

    const { state, info } = await histB.load(vAlice.id);
    expect(textOf(state)).toBe('Motion votée.');
    expect(info.createdBy).toBe(toHex(alice.identity.publicKey));

    // Alice goes on writing; Bob restores Alice's version while she has the document open.
    a.doc.getText('t').insert(a.doc.getText('t').length, ' Amendement rejeté.');
    await waitFor(() => text(b).endsWith('rejeté.'), 'Bob sees the amendment');
    await waitFor(() => recA.saved.length === 2, "Alice's second session");
    expect(restoreVersion(b.doc, state)).toBe(true);
    const restoredId = await recB.recorder.flush({ force: true, restoredFrom: vAlice.id });
    await waitFor(() => text(a) === 'Motion votée.', "the restore reaches Alice's open document");
    await b.whenSaved();
    // The restore is recorded as a new version; the versions before it are untouched.
    const after = await histA.list();
    expect(after[0]!.id).toBe(restoredId);
    expect(idsOf(after)).toEqual(expect.arrayContaining(idsOf(versions)));
    const restored = after.find((v) => v.id === restoredId)!;
    expect(restored.restoredFrom).toBe(vAlice.id);
    expect(restored.createdBy).toBe(toHex(bob.identity.publicKey));
    expect(textOf((await histA.load(vBob.id)).state)).toBe('Brouillon : Motion votée.');
  });

  it('HISTORY-1: a version made before a rotation is readable by a remaining member and a later member; a removed member reads nothing made after', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const claire = person('Claire');
    const dave = person('Dave');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(bob.identity.publicKey, Role.Editor);
    await owner.addMember(claire.identity.publicKey, Role.Editor);
    const spaceB = await openSpace(relay.url, bob, owner.spaceId);
    const spaceC = await openSpace(relay.url, claire, owner.spaceId);
    closers.push(
      () => spaceB.close(),
      () => spaceC.close(),
    );
    const docId = newDocId();
    const histA = historyOf(owner, docId);
    const before = await histA.save({ state: stateOf('Avant la rotation'), startAt: 1, endAt: 2, authors: [] });
    // Claire can read it while she is a member.
    expect(textOf((await historyOf(spaceC, docId).load(before)).state)).toBe('Avant la rotation');

    await owner.removeMember(claire.identity.publicKey);
    expect(owner.epoch).toBe(1);
    await waitFor(() => spaceB.epoch === 1, 'Bob has the new epoch');
    const after = await histA.save({ state: stateOf('Après la rotation'), startAt: 3, endAt: 4, authors: [] });

    // Bob (remaining) reads both, the older under the older key.
    const histB = historyOf(spaceB, docId);
    expect((await histB.list()).map((v) => v.epoch)).toEqual([1, 0]);
    expect(textOf((await histB.load(before)).state)).toBe('Avant la rotation');
    expect(textOf((await histB.load(after)).state)).toBe('Après la rotation');
    // Dave, added after the rotation, holds every older key from his bundle: he reads both too.
    await owner.addMember(dave.identity.publicKey, Role.Viewer);
    const spaceD = await openSpace(relay.url, dave, owner.spaceId);
    closers.push(() => spaceD.close());
    expect(textOf((await historyOf(spaceD, docId).load(before)).state)).toBe('Avant la rotation');

    // Claire: the relay refuses her, and the ciphertext itself does not open with what she holds.
    const histC = historyOf(spaceC, docId);
    await expect(histC.list()).rejects.toMatchObject({ code: 'HISTORY_FORBIDDEN' });
    await expect(histC.load(after)).rejects.toMatchObject({ code: 'HISTORY_FORBIDDEN' });
    expect(spaceC.state.hasKey(1)).toBe(false);
    const leaked = storedVersion(relay.dataDir, after);
    expect(() => openVersionHead(leaked, { spaceId: owner.spaceId, docId }, spaceC.state, { headOnly: false })).toThrow(
      expect.objectContaining({ code: 'VERSION_NO_KEY' }),
    );
    // Nothing under the old epoch can be written any more (R107): a client still at epoch 0 is refused.
    const staleId = toHex(newDocId());
    const stale = sealVersion({
      identity: alice.identity,
      spaceId: owner.spaceId,
      docId,
      versionId: fromHex(staleId),
      epoch: 0,
      docKey: owner.state.docKey(0, docId),
      meta: { startAt: 5, endAt: 6, authors: [], restoredFrom: null },
      state: stateOf('Sous la vieille clé'),
    });
    const path = `/history/${toHex(owner.spaceId)}/${toHex(docId)}/${staleId}`;
    const res = await fetch(`${relay.relay.httpUrl}${path}`, {
      method: 'PUT',
      headers: signHistoryRequest(alice.identity, {
        method: 'PUT',
        path,
        host: new URL(relay.relay.httpUrl).host,
        body: stale,
        time: Date.now(),
      }),
      body: stale as Uint8Array<ArrayBuffer>,
    });
    expect(res.status).toBe(409);
  });

  it("HISTORY-1: the relay's storage and logs hold no plaintext of versions or names (canary scan)", async () => {
    const CANARY_TEXT = 'canari-historique-5e1c Occupation du rond-point samedi';
    const CANARY_NAME = 'canari-version-b7a2 Version votée en AG du 3 décembre';
    const relay = await scope.start();
    const alice = person('Alice');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    const docId = newDocId();
    const hist = historyOf(space, docId);
    const id = await hist.save({ state: stateOf(CANARY_TEXT), startAt: 1, endAt: 2, authors: [] });
    await hist.name(id, CANARY_NAME);
    const listed = await hist.list();
    expect(listed[0]!.named).toBe(CANARY_NAME);
    expect(textOf((await hist.load(id)).state)).toBe(CANARY_TEXT);
    space.close();
    await relay.stop();
    const files = readdirSync(relay.dataDir).map((f) => ({ file: f, bytes: readFileSync(join(relay.dataDir, f)) }));
    const db = files.find((f) => f.file === 'trame.sqlite')!;
    expect(db.bytes.length).toBeGreaterThan(8192);
    expect(files.find((f) => f.file === 'relay.log')!.bytes.toString('utf8')).toContain('history.version_named');
    for (const canary of [CANARY_TEXT, CANARY_NAME]) {
      for (const probe of [canary, canary.slice(0, 18), canary.split(' ').slice(1, 3).join(' ')]) {
        for (const { file, bytes } of files) {
          expect(bytes.indexOf(Buffer.from(probe, 'utf8')), `${probe} in ${file}`).toBe(-1);
          expect(bytes.indexOf(Buffer.from(probe, 'utf16le')), `${probe} (UTF-16) in ${file}`).toBe(-1);
        }
      }
    }
  });
});

describe('HISTORY-1: restoring while someone types', () => {
  it('HISTORY-1: a restore made while another person types arrives once; both keep working and converge', async () => {
    const { spaceA, docId, a, b } = await aliceAndBobOnOneDocument();
    const hist = historyOf(spaceA, docId);
    a.doc.getText('t').insert(0, 'Texte voté. ');
    await a.whenSaved();
    const voted = await hist.save({ state: Y.encodeStateAsUpdate(a.doc), startAt: 1, endAt: 2, authors: [] });
    a.doc.getText('t').insert(a.doc.getText('t').length, 'Vandalisme !');
    await waitFor(() => text(b).endsWith('Vandalisme !'), 'Bob sees the vandalism');
    // Bob types at the start while Alice restores, then goes on typing.
    let typing = true;
    let typed = 0;
    const typist = (async () => {
      while (typing) {
        b.doc.getText('t').insert(0, 'b');
        typed += 1;
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    await waitFor(() => typed > 5, 'Bob is typing');
    const { state } = await hist.load(voted);
    const typedAtRestore = typed;
    expect(restoreVersion(a.doc, state)).toBe(true);
    a.doc.getText('t').insert(a.doc.getText('t').length, 'Suite.');
    await waitFor(() => typed > 20, 'Bob keeps typing after the restore');
    typing = false;
    await typist;
    await Promise.all([a.whenSaved(), b.whenSaved()]);
    await waitFor(() => text(a) === text(b), 'both converge');
    const final = text(a);
    // The version's content once, Alice's next edit, and Bob's typing: what he typed after the
    // restore is kept; what he typed before it (after the version) is undone with the rest.
    expect(final).toMatch(/^b+Texte voté\. Suite\.$/);
    const kept = final.indexOf('T');
    expect(kept).toBeGreaterThanOrEqual(typed - typedAtRestore);
    expect(kept).toBeLessThanOrEqual(typed);
    expect(final.split('Texte voté.').length).toBe(2);
    expect(final).not.toContain('Vandalisme');
  });
});

describe('HISTORY-1: hostile members and a hostile relay', () => {
  it("HISTORY-1: a hostile member cannot delete or overwrite others' versions, nor write as someone else; observers only read", async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const mallory = person('Mallory');
    const olga = person('Olga');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(mallory.identity.publicKey, Role.Editor);
    await owner.addMember(olga.identity.publicKey, Role.Viewer);
    const spaceM = await openSpace(relay.url, mallory, owner.spaceId);
    const spaceO = await openSpace(relay.url, olga, owner.spaceId);
    closers.push(
      () => spaceM.close(),
      () => spaceO.close(),
    );
    const docId = newDocId();
    const histA = historyOf(owner, docId);
    const id = await histA.save({ state: stateOf('Texte d’Alice'), startAt: 1, endAt: 2, authors: [] });
    const origin = relay.relay.httpUrl;
    const host = new URL(origin).host;
    const path = `/history/${toHex(owner.spaceId)}/${toHex(docId)}/${id}`;
    const send = (who: typeof mallory, method: string, p: string, body: Uint8Array) =>
      fetch(`${origin}${p}`, {
        method,
        headers: signHistoryRequest(who.identity, { method, path: p, host, body, time: Date.now() }),
        body: method === 'GET' || method === 'DELETE' ? null : (body as Uint8Array<ArrayBuffer>),
      });

    // Overwrite: Mallory's own record under Alice's version id.
    const forged = sealVersion({
      identity: mallory.identity,
      spaceId: owner.spaceId,
      docId,
      versionId: fromHex(id),
      epoch: 0,
      docKey: spaceM.state.docKey(0, docId),
      meta: { startAt: 1, endAt: 2, authors: [], restoredFrom: null },
      state: stateOf('Texte de Mallory'),
    });
    expect((await send(mallory, 'PUT', path, forged)).status).toBe(409);
    // Alice's own bytes re-sent by Mallory: the author is not the requester.
    const alices = storedVersion(relay.dataDir, id);
    expect((await send(mallory, 'PUT', path, alices)).status).toBe(403);
    // No deletion exists; nor does thinning obey a member: the retention policy is for animateurs.
    expect((await send(mallory, 'DELETE', path, new Uint8Array())).status).toBe(405);
    const policy = new TextEncoder().encode(
      JSON.stringify({ keepAllSeconds: 3600, hourlySeconds: 3600, dailySeconds: 3600, weeklySeconds: 3600 }),
    );
    const retention = `/history/${toHex(owner.spaceId)}/retention`;
    expect((await send(mallory, 'PUT', retention, policy)).status).toBe(403);
    // Even an animateur cannot make the relay drop what is less than an hour old (R111).
    const tooShort = new TextEncoder().encode(
      JSON.stringify({ keepAllSeconds: 60, hourlySeconds: 60, dailySeconds: 60, weeklySeconds: 60 }),
    );
    expect((await send(alice, 'PUT', retention, tooShort)).status).toBe(400);
    // Observers read and cannot write.
    const histO = historyOf(spaceO, docId);
    expect(idsOf(await histO.list())).toEqual([id]);
    await expect(histO.save({ state: stateOf('x'), startAt: 1, endAt: 2, authors: [] })).rejects.toMatchObject({
      code: 'HISTORY_FORBIDDEN',
    });
    await expect(histO.name(id, 'Nom')).rejects.toMatchObject({ code: 'HISTORY_FORBIDDEN' });
    // A stranger gets the same refusal as for a space that does not exist (R106, R62).
    const stranger = person('Stranger');
    const unknown = `/history/${toHex(newDocId())}/${toHex(docId)}`;
    const r1 = await send(stranger, 'GET', `/history/${toHex(owner.spaceId)}/${toHex(docId)}`, new Uint8Array());
    const r2 = await send(stranger, 'GET', unknown, new Uint8Array());
    expect([r1.status, await r1.text()]).toEqual([r2.status, await r2.text()]);
    expect(r1.status).toBe(403);
    // Alice's version is intact.
    expect(textOf((await histA.load(id)).state)).toBe('Texte d’Alice');
  });

  it('HISTORY-1: a hostile relay serving a tampered, moved or forged version is detected (signed by its author)', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    const docId = newDocId();
    const otherDoc = newDocId();
    const honest = historyOf(owner, docId);
    const v1 = await honest.save({ state: stateOf('Original'), startAt: 1, endAt: 2, authors: [] });
    const v2 = await honest.save({ state: stateOf('Deuxième'), startAt: 3, endAt: 4, authors: [] });
    const elsewhere = await historyOf(owner, otherDoc).save({
      state: stateOf('Ailleurs'),
      startAt: 5,
      endAt: 6,
      authors: [],
    });
    let mode: 'flip-state' | 'flip-head' | 'swap' | 'move' = 'flip-state';
    // The relay in the middle: rewrites what it serves.
    const hostileFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const url = String(input);
      if (!res.ok) return res;
      if (url.endsWith(`/${toHex(docId)}`)) {
        const body = (await res.json()) as { versions: Array<{ id: string; head: string }> };
        if (mode === 'flip-head') {
          const head = Buffer.from(body.versions[0]!.head, 'base64url');
          head[120]! ^= 1;
          body.versions[0]!.head = head.toString('base64url');
        }
        return new Response(JSON.stringify(body), { status: 200, headers: res.headers });
      }
      let bytes = new Uint8Array(await res.arrayBuffer());
      if (mode === 'flip-state') bytes[bytes.length - 3]! ^= 1;
      if (mode === 'swap' && url.endsWith(v1)) bytes = storedVersion(relay.dataDir, v2);
      if (mode === 'move' && url.endsWith(v1)) bytes = storedVersion(relay.dataDir, elsewhere);
      return new Response(bytes, { status: 200, headers: res.headers });
    };
    const problems: string[] = [];
    const victim = historyOf(owner, docId, {
      fetch: hostileFetch,
      onProblem: (e, id) => problems.push(`${id}:${e.code}`),
    });
    await expect(victim.load(v1)).rejects.toMatchObject({ code: 'VERSION_TAMPERED', number: 8043 });
    mode = 'swap';
    await expect(victim.load(v1)).rejects.toMatchObject({ code: 'VERSION_TAMPERED' });
    mode = 'move';
    await expect(victim.load(v1)).rejects.toMatchObject({ code: 'VERSION_TAMPERED' });
    mode = 'flip-head';
    const listed = await victim.list();
    expect(idsOf(listed)).toEqual([v1]);
    expect(problems).toEqual([`${v2}:VERSION_TAMPERED`]);
    // Untouched, the same relay's answers verify.
    expect(textOf((await honest.load(v1)).state)).toBe('Original');
  });
});

describe('HISTORY-1: limits on versions (R110)', () => {
  it('HISTORY-1: a version over the size limit is refused (413)', async () => {
    const relay = await scope.start({ limits: { historyMaxVersionBytes: 4096 } });
    const alice = person('Alice');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    const hist = historyOf(owner, newDocId());
    await hist.save({ state: stateOf('petit'), startAt: 1, endAt: 2, authors: [] });
    const big = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    await expect(hist.save({ state: stateOf(big), startAt: 1, endAt: 2, authors: [] })).rejects.toMatchObject({
      code: 'HISTORY_LIMIT',
      message: expect.stringMatching(/^413/),
    });
  });

  it('HISTORY-1: a document keeps at most N versions once thinning frees nothing (507)', async () => {
    const relay = await scope.start({ limits: { historyMaxVersionsPerDocument: 3 } });
    const alice = person('Alice');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    const hist = historyOf(owner, newDocId());
    for (let i = 0; i < 3; i++) await hist.save({ state: stateOf(`v${i}`), startAt: i, endAt: i, authors: [] });
    await expect(hist.save({ state: stateOf('v3'), startAt: 3, endAt: 3, authors: [] })).rejects.toMatchObject({
      code: 'HISTORY_LIMIT',
      message: expect.stringMatching(/^507/),
    });
    expect((await hist.list()).length).toBe(3);
  });

  it('HISTORY-1: a document keeps at most N named versions (507), named ones never thinned', async () => {
    const relay = await scope.start({ limits: { historyMaxNamedPerDocument: 1 } });
    const alice = person('Alice');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    const hist = historyOf(owner, newDocId());
    const v1 = await hist.save({ state: stateOf('v1'), startAt: 1, endAt: 1, authors: [] });
    const v2 = await hist.save({ state: stateOf('v2'), startAt: 2, endAt: 2, authors: [] });
    await hist.name(v1, 'Première');
    await hist.name(v1, 'Première, renommée');
    await expect(hist.name(v2, 'Seconde')).rejects.toMatchObject({
      code: 'HISTORY_LIMIT',
      message: expect.stringMatching(/^507/),
    });
    expect((await hist.list()).map((v) => v.named)).toEqual([null, 'Première, renommée']);
  });

  it('HISTORY-1: history writes per identity are rate limited (429)', async () => {
    const relay = await scope.start({
      limits: { historyWritesPerMinutePerIdentity: 1, historyWriteBurstPerIdentity: 3 },
    });
    const alice = person('Alice');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    const hist = historyOf(owner, newDocId());
    for (let i = 0; i < 3; i++) await hist.save({ state: stateOf(`v${i}`), startAt: i, endAt: i, authors: [] });
    await expect(hist.save({ state: stateOf('v3'), startAt: 3, endAt: 3, authors: [] })).rejects.toMatchObject({
      code: 'HISTORY_LIMIT',
      message: expect.stringMatching(/^429/),
    });
    // Reads are not limited by it.
    expect((await hist.list()).length).toBe(3);
  });
});

describe('HISTORY-3: retention applied by the relay with times only', () => {
  it('HISTORY-3: unnamed versions are thinned to hourly, daily and weekly; a named version survives thinning', async () => {
    let clock = Date.UTC(2026, 11, 1, 9, 0, 0);
    const relay = await scope.start({ now: () => clock });
    const alice = person('Alice');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    const hist = historyOf(owner, newDocId(), { now: () => clock });
    const MIN = 60_000;
    const HOUR = 60 * MIN;
    const DAY = 24 * HOUR;
    // A morning of work: a version every 10 minutes for 3 hours (18 versions).
    const morning: string[] = [];
    for (let i = 0; i < 18; i++) {
      morning.push(await hist.save({ state: stateOf(`v${i}`), startAt: clock - MIN, endAt: clock, authors: [] }));
      clock += 10 * MIN;
    }
    await hist.name(morning[2]!, 'Version votée en AG du 3 décembre');
    expect((await hist.list()).length).toBe(18);
    // Two days later the relay keeps the newest of each hour, and the named one.
    clock += 2 * DAY;
    await hist.save({ state: stateOf('later'), startAt: clock, endAt: clock, authors: [] });
    const afterTwoDays = await hist.list();
    // The new one, the named one, and the newest of each of the three hours (9h50, 10h50, 11h50).
    expect(idsOf(afterTwoDays).sort()).toEqual(
      [afterTwoDays[0]!.id, morning[2]!, morning[5]!, morning[11]!, morning[17]!].sort(),
    );
    expect(afterTwoDays.some((v) => v.id === morning[2] && v.named === 'Version votée en AG du 3 décembre')).toBe(true);
    // An animateur shortens the tiers: the relay thins at once; the named version stays.
    await hist.setRetention({ keepAllSeconds: 3600, hourlySeconds: 3600, dailySeconds: 86_400, weeklySeconds: 86_400 });
    const thinned = await hist.list();
    expect(thinned.map((v) => v.id).sort()).toEqual([afterTwoDays[0]!.id, morning[2]!].sort());
    expect((await hist.retention()).policy.keepAllSeconds).toBe(3600);
    expect(textOf((await hist.load(morning[2]!)).state)).toBe('v2');
  });
});
