import { deriveDocKey, openContentFrame } from '@trame/crypto';
import { fromHex, type SnapshotFrame, type UpdateFrame } from '@trame/protocol';
import {
  decodeEntryList,
  EncryptedCache,
  identityFromSecretKey,
  MemoryCache,
  ready,
  SpaceState,
  toHex,
  type Identity,
} from '@trame/sync';
import { CacheProfileStore } from '@trame/workspace';
import type { BrowserStorage, StoredValue } from './readBrowserStorage';

/** Every key and every clear byte one device's storage yields, opened with the app's own code. */
export interface DeviceKept {
  /** The cache keys the device's WebCrypto key unwraps (hex). */
  deviceKeys: string[];
  /** The identities whose secret keys its profile holds (hex public keys). */
  identities: Identity[];
  /** Every cache entry that opens with a device key, by name, in clear. */
  entries: Map<string, Uint8Array>;
  /** Every space key the cached membership logs give those identities: `space/epoch` → key. */
  spaceKeys: Map<string, Uint8Array>;
  /** Every stored byte, ciphertext and clear, one after the other (to scan for canaries). */
  everything: Buffer;
}

function bytesIn(v: StoredValue, into: Buffer[]): void {
  if ('bytes' in v) into.push(Buffer.from(v.bytes, 'hex'));
  else if ('object' in v) for (const x of Object.values(v.object)) bytesIn(x, into);
  else if ('array' in v) for (const x of v.array) bytesIn(x, into);
  else if ('plain' in v && typeof v.plain === 'string') into.push(Buffer.from(v.plain));
}

/**
 * What someone holding the device gets out of `storages` (snapshots of one device's browser
 * storage, e.g. before and after its removal): the device key unwrapped in the page, every
 * cache entry opened with it (EncryptedCache), the profile's secret key (CacheProfileStore),
 * and every space key its cached logs hold for that key, re-verified by SpaceState's fold.
 */
export async function whatTheDeviceKept(...storages: BrowserStorage[]): Promise<DeviceKept> {
  await ready();
  const raw = new MemoryCache();
  const all: Buffer[] = [];
  const deviceKeys = new Set<string>();
  for (const s of storages) {
    for (const k of s.unwrapped) if (k.length === 64) deviceKeys.add(k);
    for (const db of s.databases) {
      for (const store of db.stores) {
        for (const r of store.records) {
          bytesIn(r.value, all);
          all.push(Buffer.from(r.key));
          if (db.name === 'trame-cache' && 'bytes' in r.value) await raw.set(r.key, fromHex(r.value.bytes));
        }
      }
    }
    for (const [k, v] of Object.entries(s.localStorage)) all.push(Buffer.from(k), Buffer.from(v));
  }
  const entries = new Map<string, Uint8Array>();
  const identities = new Map<string, Identity>();
  for (const hex of deviceKeys) {
    const cache = new EncryptedCache(raw, fromHex(hex));
    for (const name of raw.entries.keys()) {
      const plain = await cache.get(name);
      if (plain) entries.set(name, plain);
    }
    const profile = await new CacheProfileStore(cache).load();
    if (profile) {
      const id = identityFromSecretKey(profile.secretKey);
      identities.set(toHex(id.publicKey), id);
    }
  }
  const spaceKeys = new Map<string, Uint8Array>();
  for (const [name, plain] of entries) {
    if (!name.startsWith('space:')) continue;
    const spaceId = name.slice('space:'.length);
    for (const id of identities.values()) {
      const state = new SpaceState(fromHex(spaceId), id);
      for (const e of decodeEntryList(plain)) state.apply(e);
      for (const [epoch, key] of state.keyBundle()) spaceKeys.set(`${spaceId}/${epoch}`, key);
    }
  }
  for (const plain of entries.values()) all.push(Buffer.from(plain));
  return {
    deviceKeys: [...deviceKeys],
    identities: [...identities.values()],
    entries,
    spaceKeys,
    everything: Buffer.concat(all),
  };
}

/** The plaintexts of the content frames of `docId` that open with any of `keys` (every epoch tried). */
export function openWith(
  frames: Array<UpdateFrame | SnapshotFrame>,
  keys: Iterable<Uint8Array>,
  docId: Uint8Array,
): Uint8Array[] {
  const docKeys = [...keys].map((k) => deriveDocKey(k, docId));
  const opened: Uint8Array[] = [];
  for (const f of frames) {
    for (const k of docKeys) {
      try {
        opened.push(openContentFrame(f, k));
        break;
      } catch {
        /* not under this key */
      }
    }
  }
  return opened;
}
