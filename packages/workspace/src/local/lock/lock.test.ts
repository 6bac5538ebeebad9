import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { EncryptedCache, ready } from '@trame/sync';
import { IndexedDbCache } from '../IndexedDbCache.js';
import { loadDeviceKey } from '../loadDeviceKey.js';
import { deriveLockKey } from './deriveLockKey.js';
import { lockDevice } from './lockDevice.js';
import { openDeviceKey } from './openDeviceKey.js';
import { readDeviceLock } from './readDeviceLock.js';
import { removeDeviceLock } from './removeDeviceLock.js';
import { sealDeviceKey } from './sealDeviceKey.js';
import { unlockDevice } from './unlockDevice.js';
import { writeDeviceKeyRecords } from './writeDeviceKeyRecords.js';

/** Cheap Argon2id for unit tests; the app uses LOCK_PARAMS. */
const cost = { opslimit: 1, memlimit: 1024 * 1024 };
const PASS = 'cheval agrafe correct';

/** A device with an unlocked key and two cache entries. */
async function device(): Promise<{ factory: IDBFactory; raw: IndexedDbCache; key: Uint8Array }> {
  await ready();
  const factory = new IDBFactory();
  const raw = new IndexedDbCache(factory);
  const key = await loadDeviceKey(factory);
  const cache = new EncryptedCache(raw, key);
  await cache.set('profile', new TextEncoder().encode('Léa Martin'));
  await cache.set('doc:a:b', new Uint8Array([1, 2, 3]));
  return { factory, raw, key };
}

describe('device lock (DEVICES-4)', () => {
  it('Argon2id is deterministic for a passphrase and salt, NFC-normalised, and differs otherwise', async () => {
    const salt = new Uint8Array(16).fill(1);
    const a = await deriveLockKey('café', salt, cost);
    expect(a).toHaveLength(32);
    expect(await deriveLockKey('cafe\u0301', salt, cost)).toEqual(a);
    expect(await deriveLockKey('cafe', salt, cost)).not.toEqual(a);
    expect(await deriveLockKey('café', new Uint8Array(16).fill(2), cost)).not.toEqual(a);
  });

  it('a sealed key opens with its passphrase only', async () => {
    const key = new Uint8Array(32).fill(9);
    const locked = await sealDeviceKey(key, PASS, { idleMinutes: 5, cost });
    expect(await openDeviceKey(locked, PASS)).toEqual(key);
    expect(await openDeviceKey(locked, 'cheval agrafe correcte')).toBeNull();
  });

  it('locking re-keys the cache, deletes the WebCrypto key, and the key opens only with the passphrase', async () => {
    const { factory, raw, key } = await device();
    const r = await lockDevice(factory, { raw, currentKey: key, passphrase: PASS, idleMinutes: 15, cost });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.key).not.toEqual(key);
    // the old key (as an attacker would find it in stale browser files) opens nothing now
    expect(await new EncryptedCache(raw, key).get('profile')).toBeUndefined();
    expect(new TextDecoder().decode(await new EncryptedCache(raw, r.key).get('profile'))).toBe('Léa Martin');
    // without the passphrase the app cannot get a key: no silent new key either
    await expect(loadDeviceKey(factory)).rejects.toMatchObject({ code: 'DEVICE_LOCKED', number: 8001 });
    const wrong = await unlockDevice(factory, 'autre chose', raw);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', number: 8002 } });
    const right = await unlockDevice(factory, PASS, raw);
    expect(right).toMatchObject({ ok: true, idleMinutes: 15 });
    if (right.ok) expect(right.key).toEqual(r.key);
  });

  it('an interrupted lock is finished at the next unlock', async () => {
    const { factory, raw, key } = await device();
    const next = new Uint8Array(32).fill(4);
    const locked = await sealDeviceKey(next, PASS, { idleMinutes: 5, cost });
    const previous = await sealDeviceKey(key, PASS, { idleMinutes: 5, cost });
    await writeDeviceKeyRecords(factory, { locked: { ...locked, previous } });
    // (the cache was not rewritten: the tab closed)
    const r = await unlockDevice(factory, PASS, raw);
    expect(r.ok).toBe(true);
    expect(await new EncryptedCache(raw, next).get('doc:a:b')).toEqual(new Uint8Array([1, 2, 3]));
    expect((await readDeviceLock(factory))?.previous).toBeUndefined();
  });

  it('removing the lock gives the same key back to loadDeviceKey', async () => {
    const { factory, raw, key } = await device();
    const r = await lockDevice(factory, { raw, currentKey: key, passphrase: PASS, idleMinutes: 5, cost });
    if (!r.ok) throw r.error;
    await removeDeviceLock(factory, r.key);
    expect(await readDeviceLock(factory)).toBeNull();
    expect(await loadDeviceKey(factory)).toEqual(r.key);
    expect((await unlockDevice(factory, PASS, raw)).ok).toBe(false);
  });
});
