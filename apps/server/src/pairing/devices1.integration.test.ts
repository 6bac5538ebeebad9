import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairingCommitment, pairingKeyPair } from '@trame/crypto';
import { decodePairingMessage, encodePairingMessage, parsePairingCode, toHex } from '@trame/protocol';
import {
  linkFromAccount,
  linkNewDevice,
  type DeviceAdder,
  type LinkedLocalProfile,
  type LinkSource,
  type PairingErrorCode,
} from '@trame/workspace/pairing';
import { createSpace, e2eScope, person, WS } from '../e2e/harness.js';
import { pairingMitm, type PairingRole } from './pairingMitm.js';

const scope = e2eScope();
const CANARY = 'Alice Canari 7f3e';

function deferred(): { promise: Promise<void>; resolve(): void; reject(e: unknown): void } {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((a, b) => ((resolve = a), (reject = b)));
  promise.catch(() => {});
  return { promise, resolve, reject };
}

function pairUrl(wsUrl: string): string {
  return wsUrl.replace(/\/ws$/, '/pair');
}

async function aliceWithSpace(url: string): Promise<{ profile: LinkSource; publicKey: Uint8Array }> {
  const alice = person('Alice');
  const space = await createSpace(url, alice);
  scope.closers.push(() => space.close());
  const pin = space.state.pin!;
  const id = toHex(space.spaceId);
  return {
    publicKey: alice.identity.publicKey,
    profile: {
      personId: toHex(alice.identity.publicKey),
      displayName: CANARY,
      colour: '#2f6fde',
      locale: 'fr',
      spaces: [
        {
          id,
          kind: 'assembly',
          assemblyId: id,
          joinedAt: 1,
          pin: { genesisHash: toHex(pin.genesisHash!), seq: pin.seq, headHash: toHex(pin.headHash) },
        },
      ],
    },
  };
}

interface Run {
  account: Promise<unknown>;
  device: Promise<LinkedLocalProfile>;
  codes: { account?: string; device?: string };
  added: Array<{ key: string; name: string }>;
  adopted: LinkedLocalProfile[];
}

/**
 * Alice's account device creates the channel and shows its code; the new device types it. Each
 * person answers "same code?" with `answer(codes)` (true: confirm on both; false: both refuse).
 */
async function link(
  relayUrl: string,
  profile: LinkSource,
  o: { answer?: (codes: Run['codes']) => boolean; code?: (shown: string) => string; pairingUrl?: string } = {},
): Promise<Run> {
  const url = o.pairingUrl ?? pairUrl(relayUrl);
  const run: Run = { codes: {}, added: [], adopted: [] } as unknown as Run;
  const confirmAccount = deferred();
  const confirmDevice = deferred();
  const decide = (): void => {
    if (!run.codes.account || !run.codes.device) return;
    if ((o.answer ?? (() => true))(run.codes)) {
      confirmAccount.resolve();
      confirmDevice.resolve();
    } else {
      confirmAccount.reject(new Error('different codes'));
      confirmDevice.reject(new Error('different codes'));
    }
  };
  const devices: DeviceAdder = {
    addDevice: async (key, name) => {
      run.added.push({ key: toHex(key), name });
      return profile.spaces.map((s) => ({ spaceId: s.id, ok: true }));
    },
  };
  let shown!: (code: string) => void;
  const code = new Promise<string>((r) => (shown = r));
  run.account = linkFromAccount({
    url,
    WebSocketImpl: WS,
    join: null,
    profile,
    devices,
    onCode: (c) => shown(c),
    onComparison: (c) => ((run.codes.account = c), decide()),
    confirmed: confirmAccount.promise,
  });
  run.account.catch(() => {});
  const typed = (o.code ?? ((c) => c))(await Promise.race([code, run.account.then(() => '')]));
  run.device = linkNewDevice({
    url,
    WebSocketImpl: WS,
    join: parsePairingCode(typed),
    deviceName: 'Téléphone Android',
    onComparison: (c) => ((run.codes.device = c), decide()),
    confirmed: confirmDevice.promise,
    adopt: async (p) => void run.adopted.push(p),
  });
  run.device.catch(() => {});
  return run;
}

async function codeOf(p: Promise<unknown>): Promise<PairingErrorCode> {
  const e = await p.then(
    () => null,
    (x: unknown) => x as { code: PairingErrorCode },
  );
  if (!e) throw new Error('expected the link to fail');
  return e.code;
}

function filesContain(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const path = join(f.parentPath, f.name);
    if (readFileSync(path).includes(Buffer.from(needle))) hits.push(path);
  }
  return hits;
}

describe('DEVICES-1 linking a device through a real relay (R100-R104)', () => {
  it('DEVICES-1: same comparison code on both; the new device gets its own key, the person, the profile and the pins; the relay keeps nothing of it', async () => {
    const t = await scope.start();
    const { profile, publicKey } = await aliceWithSpace(t.url);
    const run = await link(t.url, profile);
    const [linked, device] = await Promise.all([run.account, run.device]);
    expect(run.codes.account).toMatch(/^\d{3} \d{3}$/);
    expect(run.codes.device).toBe(run.codes.account);
    const deviceKey = toHex(device.secretKey.slice(32));
    expect(linked).toEqual({ deviceKey, name: 'Téléphone Android', added: true, missing: [] });
    expect(run.added).toEqual([{ key: deviceKey, name: 'Téléphone Android' }]);
    expect(run.adopted).toEqual([device]);
    expect(device.personId).toBe(toHex(publicKey));
    expect(device.deviceName).toBe('Téléphone Android');
    expect(deviceKey).not.toBe(toHex(publicKey));
    expect(device).toMatchObject({ displayName: CANARY, colour: '#2f6fde', locale: 'fr', spaces: profile.spaces });
    await t.stop();
    expect(filesContain(t.dataDir, CANARY)).toEqual([]);
    expect(filesContain(t.dataDir, toHex(device.secretKey.slice(0, 16)))).toEqual([]);
  });

  it('DEVICES-1: a relay that substitutes its own keys both ways is shown by different comparison codes; refusing sends nothing', async () => {
    const t = await scope.start();
    const { profile } = await aliceWithSpace(t.url);
    const m1 = pairingKeyPair(); // shown to the joiner as the creator's key
    const m2 = pairingKeyPair(); // shown to the creator as the joiner's key
    const mitm = await pairingMitm(pairUrl(t.url), (from: PairingRole, payload) => {
      const m = decodePairingMessage(payload);
      if (from === 'creator' && m.type === 0x01)
        return encodePairingMessage({ ...m, commitment: pairingCommitment(m1.publicKey) });
      if (from === 'joiner' && m.type === 0x02) return encodePairingMessage({ ...m, key: m2.publicKey });
      if (from === 'creator' && m.type === 0x03) return encodePairingMessage({ type: 0x03, key: m1.publicKey });
      return payload;
    });
    scope.closers.push(() => void mitm.close());
    // The people compare: the codes differ, they say so on both screens.
    const run = await link(t.url, profile, { pairingUrl: mitm.url, answer: (c) => c.account === c.device });
    expect(await codeOf(run.account)).toMatch(/PAIRING_CANCELLED|PAIRING_PEER_LEFT/);
    expect(await codeOf(run.device)).toMatch(/PAIRING_CANCELLED|PAIRING_PEER_LEFT/);
    expect(run.codes.account).toMatch(/^\d{3} \d{3}$/);
    expect(run.codes.device).toMatch(/^\d{3} \d{3}$/);
    expect(run.codes.account).not.toBe(run.codes.device);
    expect(run.added).toEqual([]);
    expect(run.adopted).toEqual([]);
  });

  it('DEVICES-1: a relay that swaps only the revealed key is caught by the commitment (PAIRING_COMMIT_MISMATCH)', async () => {
    const t = await scope.start();
    const { profile } = await aliceWithSpace(t.url);
    const mitm = await pairingMitm(pairUrl(t.url), (from, payload) => {
      const m = decodePairingMessage(payload);
      return from === 'creator' && m.type === 0x03
        ? encodePairingMessage({ type: 0x03, key: pairingKeyPair().publicKey })
        : payload;
    });
    scope.closers.push(() => void mitm.close());
    const run = await link(t.url, profile, { pairingUrl: mitm.url });
    expect(await codeOf(run.device)).toBe('PAIRING_COMMIT_MISMATCH');
    expect(await codeOf(run.account)).toBe('PAIRING_PEER_LEFT');
    expect(run.added).toEqual([]);
  });

  it('DEVICES-1: a relay that alters a sealed message ends the link (PAIRING_DECRYPT_FAILED) before any device is added', async () => {
    const t = await scope.start();
    const { profile } = await aliceWithSpace(t.url);
    const mitm = await pairingMitm(pairUrl(t.url), (from, payload) => {
      if (from !== 'joiner' || payload[0] !== 0x04) return payload;
      const out = payload.slice();
      out[out.length - 1]! ^= 1;
      return out;
    });
    scope.closers.push(() => void mitm.close());
    const run = await link(t.url, profile, { pairingUrl: mitm.url });
    expect(await codeOf(run.account)).toBe('PAIRING_DECRYPT_FAILED');
    expect(await codeOf(run.device)).toBe('PAIRING_PEER_LEFT');
    expect(run.added).toEqual([]);
    expect(run.adopted).toEqual([]);
  });

  it('DEVICES-1: a wrong code is PAIRING_UNKNOWN; an expired channel is PAIRING_EXPIRED, then PAIRING_UNKNOWN', async () => {
    const t = await scope.start({ limits: { pairingChannelTtlMs: 400 } });
    const { profile } = await aliceWithSpace(t.url);
    const wrong = await link(t.url, profile, {
      code: (c) => (c.startsWith('0') ? `1${c.slice(1)}` : `0${c.slice(1)}`),
    });
    expect(await codeOf(wrong.device)).toBe('PAIRING_UNKNOWN');
    expect(await codeOf(wrong.account)).toBe('PAIRING_EXPIRED');
    // Once expired the code is unknown, typed, whoever types it.
    let code = '';
    const account = linkFromAccount({
      url: pairUrl(t.url),
      WebSocketImpl: WS,
      join: null,
      profile,
      devices: null,
      onCode: (c) => (code = c),
      onComparison: () => {},
      confirmed: new Promise(() => {}),
    });
    expect(await codeOf(account)).toBe('PAIRING_EXPIRED');
    const after = linkNewDevice({
      url: pairUrl(t.url),
      WebSocketImpl: WS,
      join: parsePairingCode(code),
      deviceName: 'x',
      onComparison: () => {},
      confirmed: Promise.resolve(),
      adopt: async () => {},
    });
    expect(await codeOf(after)).toBe('PAIRING_UNKNOWN');
  });

  it('DEVICES-1: two devices that both hold an account (or are both new) are told apart: PAIRING_SIDE_CONFLICT', async () => {
    const t = await scope.start();
    const { profile } = await aliceWithSpace(t.url);
    let shown!: (c: string) => void;
    const code = new Promise<string>((r) => (shown = r));
    const opts = {
      url: pairUrl(t.url),
      WebSocketImpl: WS,
      profile,
      devices: null,
      onComparison: () => {},
      confirmed: Promise.resolve(),
    };
    const first = linkFromAccount({ ...opts, join: null, onCode: (c) => shown(c) });
    first.catch(() => {});
    const second = linkFromAccount({ ...opts, join: parsePairingCode(await code) });
    expect(await codeOf(second)).toBe('PAIRING_SIDE_CONFLICT');
    expect(await codeOf(first)).toMatch(/PAIRING_SIDE_CONFLICT|PAIRING_PEER_LEFT/);
  });
});
