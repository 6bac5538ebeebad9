import { SyncStatusTracker, type DocumentSessionLike, type SyncView } from '@trame/workspace';

/**
 * What the status line says about a document session, kept current (the logic is
 * @trame/workspace's SyncStatusTracker; the browser says whether there is a network at all).
 * Call during component init.
 */
export function useDocStatus(session: DocumentSessionLike): { readonly view: SyncView } {
  let view = $state.raw<SyncView>({ kind: 'connecting' });
  const tracker = new SyncStatusTracker(session, (v) => (view = v), () => navigator.onLine);
  view = tracker.view;
  $effect(() => {
    const refresh = (): void => tracker.refresh();
    addEventListener('online', refresh);
    addEventListener('offline', refresh);
    return () => {
      removeEventListener('online', refresh);
      removeEventListener('offline', refresh);
      tracker.destroy();
    };
  });
  return {
    get view() {
      return view;
    },
  };
}
