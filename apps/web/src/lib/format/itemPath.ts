import { resolve } from '$app/paths';
import type { ItemType } from '@trame/workspace';

/** The route of an item (`/s/<space>/d|b|m/<item>`), resolved against the app's base path. */
export function itemPath(space: string, type: ItemType, item: string): string {
  if (type === 'board') return resolve('/s/[space]/b/[item]', { space, item });
  if (type === 'minutes') return resolve('/s/[space]/m/[item]', { space, item });
  return resolve('/s/[space]/d/[item]', { space, item });
}
