/**
 * A small key-value store on the device (IndexedDB in browsers, a Map in tests). Trame writes
 * only ciphertext into it: wrap a raw store in {@link EncryptedCache}.
 */
export interface LocalCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, value: Uint8Array): Promise<void>;
  delete(key: string): Promise<void>;
}
