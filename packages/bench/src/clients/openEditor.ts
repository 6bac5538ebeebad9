import type { ServerKind } from '../servers/ServerKind.js';
import type { Editor } from './Editor.js';
import { openHocuspocusEditor } from './openHocuspocusEditor.js';
import { openTrameEditor } from './openTrameEditor.js';
import type { TrameContext } from './TrameContext.js';
import { openYWebsocketEditor } from './openYWebsocketEditor.js';

/** Opens a real client of `kind` on `room` (a hex document id, used as the room name by all). */
export async function openEditor(
  kind: ServerKind,
  url: string,
  room: string,
  identityIndex: number,
  trame: TrameContext | null,
): Promise<Editor> {
  if (kind === 'trame') {
    if (!trame) throw new Error('Trame editors need a space');
    return openTrameEditor(url, trame, room, identityIndex);
  }
  return kind === 'y-websocket' ? openYWebsocketEditor(url, room) : openHocuspocusEditor(url, room);
}
