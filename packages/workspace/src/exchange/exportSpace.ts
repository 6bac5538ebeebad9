import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Locale } from '../collective/Locale.js';
import type { ItemInfo, SpaceMeta } from '../space/SpaceIndex.js';
import type * as Y from 'yjs';
import { exportItem } from './exportItem.js';
import { ITEM_FORMATS } from './ITEM_FORMATS.js';
import { safeFileName } from './safeFileName.js';

/** Format marker of `structure.json` in a space archive. */
export const SPACE_ARCHIVE_FORMAT = 'trame.space';

const FOLDERS = { document: 'documents', board: 'tableaux', minutes: 'comptes-rendus' } as const;

/**
 * A zip of a whole space, made in the browser: every item in each of its file formats (PDF
 * excepted: it needs the print dialog; the printable .html is there instead) and
 * `structure.json` (the space, its items with their dates and the path of each file).
 */
export function exportSpace(o: {
  meta: SpaceMeta;
  items: ReadonlyArray<{ info: ItemInfo; doc: Y.Doc }>;
  locale: Locale;
  names: ReadonlyMap<string, string>;
  exportedAt: number;
}): Uint8Array {
  const files: Zippable = {};
  const used = new Set<string>();
  const items = o.items.map(({ info, doc }) => {
    const folder = FOLDERS[info.type];
    let base = safeFileName(info.title);
    if (used.has(`${folder}/${base}`)) base = `${base} (${info.id.slice(0, 8)})`;
    used.add(`${folder}/${base}`);
    const paths: string[] = [];
    for (const format of ITEM_FORMATS[info.type]) {
      if (format === 'pdf') continue;
      const file = exportItem({ type: info.type, title: info.title, doc, locale: o.locale, names: o.names }, format);
      const path = `${folder}/${base}.${format}`;
      files[path] = file.bytes;
      paths.push(path);
    }
    return {
      id: info.id,
      type: info.type,
      title: info.title,
      archived: info.archived,
      createdAt: new Date(info.createdAt).toISOString(),
      updatedAt: new Date(info.updatedAt).toISOString(),
      createdBy: o.names.get(info.createdBy) ?? '',
      files: paths,
    };
  });
  const structure = {
    format: SPACE_ARCHIVE_FORMAT,
    version: 1,
    exportedAt: new Date(o.exportedAt).toISOString(),
    space: {
      kind: o.meta.kind,
      name: o.meta.name,
      description: o.meta.description,
      colour: o.meta.colour,
      status: o.meta.status,
    },
    items,
  };
  files['structure.json'] = strToU8(`${JSON.stringify(structure, null, 2)}\n`);
  return zipSync(files, { level: 6 });
}
