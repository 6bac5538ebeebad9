import { idbRequest } from './idbRequest.js';

/** Opens (creating if needed) a one-store IndexedDB database, version 1. */
export function idbOpen(factory: IDBFactory, name: string, store: string): Promise<IDBDatabase> {
  const req = factory.open(name, 1);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(store)) req.result.createObjectStore(store);
  };
  return idbRequest<IDBDatabase>(req);
}
