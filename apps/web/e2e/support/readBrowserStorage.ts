import type { Page } from '@playwright/test';

/** A stored value as it leaves the page: bytes as hex, WebCrypto keys described, the rest as is. */
export type StoredValue =
  | { bytes: string }
  | { cryptoKey: { type: string; algorithm: string; extractable: boolean; usages: string[] } }
  | { object: Record<string, StoredValue> }
  | { array: StoredValue[] }
  | { plain: string | number | boolean | null };

/** Everything an origin keeps in a browser profile that page scripts can reach. */
export interface BrowserStorage {
  /** Every IndexedDB database, store and record. */
  databases: Array<{
    name: string;
    stores: Array<{ name: string; records: Array<{ key: string; value: StoredValue }> }>;
  }>;
  localStorage: Record<string, string>;
  /** Names of the Cache Storage caches (the service worker's app shell). */
  caches: string[];
  /**
   * What the app itself can unwrap there: every `{iv, sealed}` record opened (AES-GCM) with every
   * WebCrypto key stored beside it, as the app does at start (loadDeviceKey). Hex.
   */
  unwrapped: string[];
}

/**
 * Reads the whole client-side storage of `page`'s origin through the page itself: what someone
 * holding the unlocked device (or its profile) gets. WebCrypto keys cannot leave the page, so
 * they are used here, in the page, to unwrap whatever they can.
 */
export function readBrowserStorage(page: Page): Promise<BrowserStorage> {
  return page.evaluate(async () => {
    const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    const keys: CryptoKey[] = [];
    const sealed: Array<{ iv: Uint8Array; sealed: Uint8Array }> = [];
    const out = (v: unknown): StoredValue => {
      if (v instanceof Uint8Array) return { bytes: hex(v) };
      if (v instanceof ArrayBuffer) return { bytes: hex(new Uint8Array(v)) };
      if (ArrayBuffer.isView(v)) return { bytes: hex(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
      if (v instanceof CryptoKey) {
        keys.push(v);
        return {
          cryptoKey: { type: v.type, algorithm: v.algorithm.name, extractable: v.extractable, usages: [...v.usages] },
        };
      }
      if (Array.isArray(v)) return { array: v.map(out) };
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (o.iv instanceof Uint8Array && o.sealed instanceof Uint8Array) sealed.push({ iv: o.iv, sealed: o.sealed });
        return { object: Object.fromEntries(Object.entries(o).map(([k, x]) => [k, out(x)])) };
      }
      return { plain: v === undefined ? null : (v as string | number | boolean | null) };
    };
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const databases: BrowserStorage['databases'] = [];
    for (const info of await indexedDB.databases()) {
      const db = await request(indexedDB.open(info.name!));
      const stores: BrowserStorage['databases'][number]['stores'] = [];
      for (const name of Array.from(db.objectStoreNames)) {
        const os = db.transaction(name, 'readonly').objectStore(name);
        const [ks, vs] = await Promise.all([request(os.getAllKeys()), request(os.getAll())]);
        stores.push({ name, records: ks.map((k, i) => ({ key: String(k), value: out(vs[i]) })) });
      }
      db.close();
      databases.push({ name: info.name!, stores });
    }
    const unwrapped = new Set<string>();
    for (const key of keys) {
      if (!key.usages.includes('decrypt') || key.algorithm.name !== 'AES-GCM') continue;
      for (const s of sealed) {
        try {
          const plain = await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv: s.iv as BufferSource },
            key,
            s.sealed as BufferSource,
          );
          unwrapped.add(hex(new Uint8Array(plain)));
        } catch {
          /* not this pair */
        }
      }
    }
    return {
      databases,
      localStorage: Object.fromEntries(Object.entries(localStorage)),
      caches: 'caches' in self ? await caches.keys() : [],
      unwrapped: [...unwrapped],
    };
  });
}
