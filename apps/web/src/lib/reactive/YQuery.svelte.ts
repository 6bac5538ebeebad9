import type * as Y from 'yjs';

/**
 * A reactive read of a Y.Doc: `current` is recomputed after every change of the doc (local or
 * remote). Reads are plain snapshots (the workspace package's `read*` functions), so Svelte
 * components never hold live Y types in state.
 */
export class YQuery<T> {
  current = $state.raw() as T;
  private readonly doc: Y.Doc;
  private readonly handler: () => void;

  constructor(doc: Y.Doc, read: (doc: Y.Doc) => T) {
    this.doc = doc;
    this.current = read(doc);
    this.handler = () => {
      this.current = read(doc);
    };
    doc.on('update', this.handler);
  }

  /** Stops listening; call when the component goes away. */
  destroy(): void {
    this.doc.off('update', this.handler);
  }
}
