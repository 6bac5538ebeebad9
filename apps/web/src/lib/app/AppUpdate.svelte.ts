import { dev } from '$app/environment';
import { sha256Hex } from '$lib/release/sha256Hex';
import { verifyReleaseSignature } from '$lib/release/verifyReleaseSignature';
import {
  META_CACHE,
  PINNED_KEY_PATH,
  REFUSAL_PATH,
  type Refusal,
  type WorkerMessage,
} from '$lib/release/workerProtocol';

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
      const replaced = this.refusal?.reason === 'worker';
      this.available = !!reg.waiting && !!navigator.serviceWorker.controller && !replaced;
      if (this.available) this.refusal = null;
    };
    check();
    reg.addEventListener('updatefound', () => {
      const installing = reg.installing;
      let checked = false;
      installing?.addEventListener('statechange', () => {
        check();
        if (installing.state === 'redundant') void this.readRefusal();
        // A worker that got this far either checked its release or is not ours: look for ourselves.
        else if (!checked && installing.state !== 'installing' && navigator.serviceWorker.controller) {
          checked = true;
          void this.checkWorkerScript();
        }
      });
    });
  }

  /**
   * The browser installs whatever `/service-worker.js` the server sends; a replaced worker could
   * skip every check. The running (verified) page compares the script with the signed release
   * under the pinned key and says so when it differs: detected, not prevented.
   */
  private async checkWorkerScript(): Promise<void> {
    try {
      const meta = await caches.open(META_CACHE);
      const pinned = await meta.match(PINNED_KEY_PATH);
      if (!pinned) return;
      const get = (path: string) => fetch(path, { cache: 'no-store' });
      const [manifest, sig, script] = await Promise.all([
        get('/release.json'),
        get('/release.json.sig'),
        get('/service-worker.js'),
      ]);
      const release = await verifyReleaseSignature(
        new Uint8Array(await manifest.arrayBuffer()),
        await sig.text(),
        (await pinned.text()).trim(),
      );
      const expected = release?.files['/service-worker.js'];
      if (expected && expected === (await sha256Hex(await script.arrayBuffer()))) return;
      this.available = false;
      this.refusal = {
        version: release?.version ?? '?',
        reason: 'worker',
        detail: release
          ? '/service-worker.js differs from the signed release'
          : 'release.json not signed by the pinned key',
        at: Date.now(),
      };
    } catch {
      // Offline or no Ed25519: nothing can be said either way.
    }
  }

  private async readRefusal(): Promise<void> {
    if (!('caches' in globalThis)) return;
    const hit = await (await caches.open(META_CACHE)).match(REFUSAL_PATH);
    if (hit) this.refusal = (await hit.json()) as Refusal;
  }
}

/** The one AppUpdate of this tab. */
export const appUpdate = new AppUpdate();
