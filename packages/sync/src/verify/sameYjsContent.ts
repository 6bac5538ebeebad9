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
 * R54: whether two Yjs documents hold exactly the same content under the same client ids and
 * clocks (same structs, same deletions), however their items are split. A snapshot that
 * rewrites an author's text under the author's own client id fails it.
 */
export function sameYjsContent(a: Y.Doc, b: Y.Doc): boolean {
  const clients = new Set([...a.store.clients.keys(), ...b.store.clients.keys()]);
  for (const c of clients) {
    const x = atomsOf(a, c);
    const y = atomsOf(b, c);
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}
