import * as Y from 'yjs';
import type { DocumentSessionLike, ItemType } from '@trame/workspace';
import { AUTHORS_ROOT, readClientAuthors } from '@trame/workspace/history-view';
import { app } from '$lib/app/app';

/** One stored version of an item, as the history timeline lists it (histcore's VersionInfo). */
export interface VersionInfo {
  id: string;
  /** ms: when its session of work started. */
  at: number;
  /** ms: its last edit. */
  endAt: number;
  /** Person ids of who wrote in it. */
  authors: string[];
  named?: string | null;
  size: number;
  /** The version it restored, when it is a restore. */
  restoredFrom?: string | null;
}

/** What the history panel asks of one item's history. */
export interface ItemHistory {
  /** Newest first. */
  list(): Promise<VersionInfo[]>;
  /** The version's Yjs state. */
  load(versionId: string): Promise<Uint8Array>;
  name(versionId: string, name: string): Promise<void>;
  /** Makes the open item's content that of the version, as a new edit of mine others receive. */
  restore(versionId: string): Promise<void>;
  /** Records a version of the content as it is now (to name it): its id, or null if none was needed. */
  saveNow(): Promise<string | null>;
}

interface ClientHistory {
  list(spaceId: string, itemId: string): Promise<VersionInfo[]>;
  load(spaceId: string, itemId: string, versionId: string): Promise<Uint8Array>;
  name(spaceId: string, itemId: string, versionId: string, name: string): Promise<void>;
  restore(spaceId: string, itemId: string, versionId: string): Promise<unknown>;
  saveNow(spaceId: string, itemId: string): Promise<string | null>;
}

/**
 * The item's history at the relay (`client.history`, issue 15 HISTORY-1, encrypted versions),
 * or, where the client has none (an older build), versions kept in this tab only while it is
 * open: each opening of the panel records the content if it changed.
 */
export function itemHistory(spaceId: string, itemId: string, type: ItemType, session: DocumentSessionLike): ItemHistory {
  const h = (app.client as unknown as { history?: ClientHistory } | null)?.history;
  if (h) {
    return {
      list: () => h.list(spaceId, itemId),
      load: (v) => h.load(spaceId, itemId, v),
      name: (v, n) => h.name(spaceId, itemId, v, n),
      restore: async (v) => {
        await h.restore(spaceId, itemId, v);
      },
      saveNow: () => h.saveNow(spaceId, itemId),
    };
  }
  return tabHistory(itemId, type, session);
}

interface TabVersion extends VersionInfo {
  state: Uint8Array;
  vector: string;
}

const kept = new Map<string, TabVersion[]>();

function tabHistory(itemId: string, type: ItemType, session: DocumentSessionLike): ItemHistory {
  const versions = kept.get(itemId) ?? [];
  kept.set(itemId, versions);
  const find = (id: string): TabVersion => {
    const v = versions.find((x) => x.id === id);
    if (!v) throw new Error('version not found');
    return v;
  };
  const api: ItemHistory = {
    async list() {
      const vector = Y.encodeStateVector(session.doc).join();
      const last = versions[0];
      if (last?.vector !== vector) {
        const now = Date.now();
        versions.unshift({
          id: `${now.toString(16)}${versions.length}`,
          at: last ? Math.max(last.endAt, now - 60_000) : now,
          endAt: now,
          authors: [...new Set(readClientAuthors(session.doc).values())],
          size: 0,
          state: Y.encodeStateAsUpdate(session.doc),
          vector,
        });
      }
      return versions.map((v) => ({
        id: v.id,
        at: v.at,
        endAt: v.endAt,
        authors: v.authors,
        named: v.named ?? null,
        size: v.size,
      }));
    },
    async load(id) {
      return find(id).state;
    },
    async name(id, name) {
      find(id).named = name;
    },
    async restore(id) {
      const old = new Y.Doc();
      Y.applyUpdate(old, find(id).state);
      copyContent(old, session.doc, type);
    },
    async saveNow() {
      return (await api.list())[0]?.id ?? null;
    },
  };
  return api;
}

/** The content roots of `from` written over those of `to` (the author claims stay). */
function copyContent(from: Y.Doc, to: Y.Doc, type: ItemType): void {
  to.transact(() => {
    if (type === 'document') {
      const src = from.getXmlFragment('content');
      const dst = to.getXmlFragment('content');
      dst.delete(0, dst.length);
      dst.insert(0, src.toArray().map((n) => (n as Y.XmlElement | Y.XmlText).clone()));
      return;
    }
    for (const [name] of from.share) {
      if (name === AUTHORS_ROOT) continue;
      const src = from.getMap<unknown>(name);
      const dst = to.getMap<unknown>(name);
      for (const k of [...dst.keys()]) if (!src.has(k)) dst.delete(k);
      src.forEach((v, k) => dst.set(k, v instanceof Y.AbstractType ? (v as unknown as { clone(): unknown }).clone() : v));
    }
  });
}
