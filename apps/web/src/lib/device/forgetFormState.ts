/**
 * DEVICES-4: Chromium keeps the values typed into form fields (titles, names, the collective's
 * name) in its session-restore files, in the clear, unless a field says `autocomplete="off"`;
 * a copy of a locked device's profile would yield them. This marks every form, input and
 * textarea that does not say otherwise, now and as screens add them. Returns a stop function.
 */
export function forgetFormState(root: HTMLElement = document.body): () => void {
  const mark = (el: Element): void => {
    if (
      (el instanceof HTMLFormElement || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) &&
      !el.hasAttribute('autocomplete')
    ) {
      el.setAttribute('autocomplete', 'off');
    }
  };
  const markAll = (node: Node): void => {
    if (!(node instanceof Element)) return;
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
