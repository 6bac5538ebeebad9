/** Text-like inputs, whose typed values session restore would keep. */
const TEXT_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'number']);

/**
 * DEVICES-4: Chromium keeps the values typed into form fields (titles, names, the collective's
 * name) in its session-restore files, in the clear, unless a field says `autocomplete="off"`;
 * a copy of a locked device's profile would yield them. This marks every text input, textarea
 * and form that does not say otherwise, now and as screens add them. Never inside an editor
 * (`contenteditable`): ProseMirror watches its own DOM, and a changed attribute on a task-list
 * checkbox there would be read as an edit. Returns a stop function.
 */
export function forgetFormState(root: HTMLElement = document.body): () => void {
  const mark = (el: Element): void => {
    if (el.hasAttribute('autocomplete') || el.closest('[contenteditable]')) return;
    const textLike =
      el instanceof HTMLTextAreaElement ||
      el instanceof HTMLFormElement ||
      (el instanceof HTMLInputElement && TEXT_TYPES.has(el.getAttribute('type') ?? ''));
    if (textLike) el.setAttribute('autocomplete', 'off');
  };
  const markAll = (node: Node): void => {
    if (!(node instanceof Element) || node.closest('[contenteditable]')) return;
    mark(node);
    for (const el of node.querySelectorAll('form, input, textarea')) mark(el);
  };
  markAll(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) markAll(n);
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
