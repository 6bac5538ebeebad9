import type { Locale } from '../collective/Locale.js';
import type { ItemType } from '../space/SpaceIndex.js';
import type { DocumentSessionLike } from '../sync/SyncApi.js';
import { writeDocumentContent } from '../document/writeDocumentContent.js';
import type { ImportResult } from './ImportResult.js';
import { writeBoardDraft } from './writeBoardDraft.js';

/** The part of TrameClient an import uses (structural, so tests can pass a fake). */
export interface ImportTarget {
  readonly me: { id: string };
  createItem(
    spaceId: string,
    o: { type: ItemType; title: string; templateId?: string; locale: Locale },
  ): Promise<string>;
  openItem(spaceId: string, itemId: string): Promise<DocumentSessionLike>;
  closeItem(session: DocumentSessionLike): void;
}

/**
 * Creates a new item in a space from an imported file and returns its id. The item is created
 * empty (`<type>.import` is no template), filled in the browser, and leaves as ciphertext like
 * any edit; it waits up to `saveTimeoutMs` for the relay to hold it (offline, the device cache
 * keeps it and it is sent later).
 */
export async function importIntoSpace(
  client: ImportTarget,
  spaceId: string,
  result: Extract<ImportResult, { ok: true }>,
  o: { locale: Locale; now: number; saveTimeoutMs?: number },
): Promise<string> {
  const id = await client.createItem(spaceId, {
    type: result.type,
    title: result.title,
    templateId: `${result.type}.import`,
    locale: o.locale,
  });
  const session = await client.openItem(spaceId, id);
  try {
    await session.whenSynced();
    if (result.type === 'document') writeDocumentContent(session.doc, result.content.content ?? []);
    else writeBoardDraft(session.doc, result.draft, { by: client.me.id, now: o.now });
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      session.whenSaved(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, o.saveTimeoutMs ?? 5000);
      }),
    ]);
    clearTimeout(timer);
  } finally {
    client.closeItem(session);
  }
  return id;
}
