import type { ItemType } from '@trame/workspace';
import { m } from '$lib/paraglide/messages.js';

/** "Document", "Tableau", "Compte rendu". */
export function itemTypeLabel(type: ItemType): string {
  return type === 'board' ? m.item_type_board() : type === 'minutes' ? m.item_type_minutes() : m.item_type_document();
}
