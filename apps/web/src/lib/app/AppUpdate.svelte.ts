import { dev } from '$app/environment';
import { META_CACHE, REFUSAL_PATH, type Refusal, type WorkerMessage } from '$lib/release/workerProtocol';

/**
 * The app's side of its service worker (src/service-worker.ts): registers it, says when a
 * verified new version waits ("Nouvelle version disponible — recharger") and when the server
 * offered a version that did not verify (the worker kept the one running).
 */
export class AppUpdate {
  /** A verified new version is installed and waits for a reload. */
  available = $state(false);
  /** The last version the worker refused, if any since the last verified install. */
  refusal = $state.raw<Refusal | null>(null);
  private registration: ServiceWorkerRegistration | null = null;
  private started = false;

  /** Registers the worker (not in `vite dev`); idempotent. */
  start(): void {
    if (this.started || dev || !('serviceWorker' in navigator)) return;
    this.started = true;
    navigator.serviceWorker.addEventListener('message', (e: MessageEvent<WorkerMessage>) => {
      if (e.data?.type === 'trame:update-refused') this.refusal = e.data.refusal;
    });
    void this.readRefusal();
    navigator.serviceWorker.register('/service-worker.js', { scope: '/' }).then(
      (reg) => this.follow(reg),
      () => {
        // No worker (private mode, old browser): the app still works online.
      },
    );
  }

  /** Reloads into the waiting version. */
  reload(): void {
    const waiting = this.registration?.waiting;
    if (!waiting) {
      location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'trame:activate' } satisfies WorkerMessage);
  }

  private follow(reg: ServiceWorkerRegistration): void {
    this.registration = reg;
    // Only an update matters: the first install has nothing to replace.
    const check = () => {
      this.available = !!reg.waiting && !!navigator.serviceWorker.controller;
      if (this.available) this.refusal = null;
    };
    check();
    reg.addEventListener('updatefound', () => {
      const installing = reg.installing;
      installing?.addEventListener('statechange', () => {
        check();
        if (installing.state === 'redundant') void this.readRefusal();
      });
    });
  }

  private async readRefusal(): Promise<void> {
    if (!('caches' in globalThis)) return;
    const hit = await (await caches.open(META_CACHE)).match(REFUSAL_PATH);
    if (hit) this.refusal = (await hit.json()) as Refusal;
  }
}

/** The one AppUpdate of this tab. */
export const appUpdate = new AppUpdate();
