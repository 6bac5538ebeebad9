import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import { DOCUMENT_FIELD, type PresenceUser } from '@trame/workspace';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/**
 * The editor's extensions, bound to a document session's Y.Doc and awareness. Undo and redo
 * come from Collaboration (Yjs' UndoManager: only my own changes are undone), so StarterKit's
 * history is off. Links never open on click while editing, and only safe protocols are allowed.
 */
export function createExtensions(o: {
  doc: Y.Doc;
  awareness: Awareness;
  user: PresenceUser;
  placeholder: string;
  /** Accessible name of a task's checkbox, from the task's text (MINUTES-6 (d)). */
  taskLabel: (text: string) => string;
}): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        // Only web and mail links; `javascript:` and friends are refused on paste and input.
        isAllowedUri: (url, { defaultValidate }) => defaultValidate(url) && /^(https?:|mailto:)/i.test(url.trim()),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    TaskList,
    TaskItem.configure({ nested: true, a11y: { checkboxLabel: (node) => o.taskLabel(node.textContent.trim()) } }),
    TableKit.configure({ table: { resizable: false } }),
    Placeholder.configure({ placeholder: o.placeholder }),
    Collaboration.configure({ document: o.doc, field: DOCUMENT_FIELD }),
    CollaborationCaret.configure({
      // CollaborationCaret only reads `provider.awareness`; it also publishes `user`, which
      // must carry our id so the sync layer accepts the awareness state as ours.
      provider: { awareness: o.awareness },
      user: { id: o.user.id, name: o.user.name, color: o.user.colour },
    }),
  ];
}
