import * as Y from 'yjs';

type Atom = string;

function idKey(id: Y.ID | null): string {
  return id ? `${id.client}:${id.clock}` : '-';
}

function parentKey(doc: Y.Doc, item: Y.Item): string {
  const parent = item.parent;
  if (parent === null) return '-';
  if (typeof parent === 'string') return `root:${parent}`;
  if ('client' in parent) return `id:${idKey(parent as Y.ID)}`;
  const type = parent as Y.AbstractType<unknown>;
  if (type._item) return `id:${idKey(type._item.id)}`;
  for (const [name, t] of doc.share) if (t === type) return `root:${name}`;
  return '?';
}

function atomValue(content: Y.Item['content'], value: unknown): string {
  if (content instanceof Y.ContentFormat) return `format:${content.key}=${JSON.stringify(content.value)}`;
  if (value instanceof Y.AbstractType) return `type:${value.constructor.name}`;
  if (value instanceof Y.Doc) return `doc:${value.guid}`;
  if (value instanceof Uint8Array) return `bin:${Array.from(value).join(',')}`;
  return JSON.stringify(value ?? null);
}

/**
 * One string per clock of `client`: a live atom names its content, position (origins) and
 * parent; a deleted one only that it is deleted. Independent of how items happen to be split
 * or merged in this document.
 */
function atomsOf(doc: Y.Doc, client: number): Atom[] {
  const out: Atom[] = [];
  for (const s of doc.store.clients.get(client) ?? []) {
    if (!(s instanceof Y.Item) || s.deleted) {
      for (let i = 0; i < s.length; i++) out.push('x');
      continue;
    }
    const content = s.content.getContent();
    const where = `${parentKey(doc, s)}/${s.parentSub ?? ''}/${idKey(s.rightOrigin)}`;
    for (let i = 0; i < s.length; i++) {
      const origin = i === 0 ? idKey(s.origin) : `${client}:${s.id.clock + i - 1}`;
      const shown = atomValue(s.content, content[i]);
      out.push(`${s.content.constructor.name}|${origin}|${where}|${shown}`);
    }
  }
  return out;
}

/**
 * R54: whether a snapshot's content (`snap`) is what this client holds (`held`: the parent and
 * the tail), plus only what the snapshot's author may add: structs of its own client ids (its
 * edits not yet sent as UPDATEs, R46) and deletions. Every atom held under another author's client
 * id must be in the snapshot with the same content and position (deleted, at most); the snapshot
 * may hold no struct of another author's client id that this client does not hold. Independent of
 * how items are split or merged.
 */
export function snapshotExtends(
  held: Y.Doc,
  snap: Y.Doc,
  author: string,
  owners: ReadonlyMap<number, string>,
): boolean {
  const clients = new Set([...held.store.clients.keys(), ...snap.store.clients.keys()]);
  for (const c of clients) {
    const x = atomsOf(held, c);
    const y = atomsOf(snap, c);
    const own = owners.get(c) === author || (owners.get(c) === undefined && x.length === 0);
    if (y.length < x.length || (!own && y.length !== x.length)) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && y[i] !== 'x') return false;
  }
  return true;
}
