import type { ItemType } from '../space/SpaceIndex.js';
import type { Template } from './Template.js';
import { TEMPLATES } from './TEMPLATES.js';

/** The templates offered when creating an item of `type`. */
export function templatesFor(type: ItemType): Template[] {
  return TEMPLATES.filter((t) => t.type === type);
}
