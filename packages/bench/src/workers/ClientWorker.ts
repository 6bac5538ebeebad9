import { Worker } from 'node:worker_threads';
import type { WorkerHandlers } from './clientWorkerMain.js';

const ENTRY = new URL('./clientWorkerMain.js', import.meta.url);

/** The coordinator's handle on one client worker thread. */
export class ClientWorker {
  private readonly worker = new Worker(ENTRY);
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error !== undefined) w?.reject(new Error(m.error));
      else w?.resolve(m.result);
    });
    this.worker.on('error', (e) => {
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    });
  }

  /** Calls a handler of the worker and resolves with its result. */
  call<K extends keyof WorkerHandlers>(fn: K, args: Parameters<WorkerHandlers[K]>[0]): ReturnType<WorkerHandlers[K]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, fn, args });
    }) as ReturnType<WorkerHandlers[K]>;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}
