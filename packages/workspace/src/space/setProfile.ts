import type * as Y from 'yjs';
import { setIfChanged } from '../util/setIfChanged.js';
import { INDEX_ROOTS, type MemberProfile } from './SpaceIndex.js';

/** Publishes the member's own display name and colour in a space. */
export function setProfile(doc: Y.Doc, profile: MemberProfile): void {
  setIfChanged(doc.getMap<unknown>(INDEX_ROOTS.profiles), profile.id, {
    displayName: profile.displayName,
    colour: profile.colour,
  });
}
