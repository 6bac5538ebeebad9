import {
  fromHex,
  identityFromSeed,
  MemoryHeadStore,
  openDocument,
  SpaceSession,
  type DocumentSession,
  type WebSocketConstructor,
} from '@trame/sync';
import { CountingWebSocket } from './CountingWebSocket.js';
import type { Editor } from './Editor.js';
import type { TrameContext } from './TrameContext.js';

const WS = CountingWebSocket as unknown as WebSocketConstructor;
const spaces = new Map<string, Promise<SpaceSession>>();

/** The space session of one identity, opened once per worker and shared by its documents. */
export function spaceFor(url: string, ctx: TrameContext, identityIndex: number): Promise<SpaceSession> {
  const seed = ctx.seeds[identityIndex % ctx.seeds.length]!;
  const key = `${url} ${seed}`;
  let s = spaces.get(key);
  if (!s) {
    s = SpaceSession.open({
      relayUrl: url,
      identity: identityFromSeed(fromHex(seed)),
      spaceId: fromHex(ctx.spaceIdHex),
      WebSocketImpl: WS,
    });
    spaces.set(key, s);
  }
  return s;
}

/** Closes every space session this worker opened. */
export async function closeTrameSpaces(): Promise<void> {
  for (const s of spaces.values()) (await s).close();
  spaces.clear();
}

/**
 * A Trame client exactly as an app opens one: `openDocument` (y-websocket's provider over the
 * encrypting transport), with its own head store, so every frame is verified and decrypted.
 */
export async function openTrameEditor(
  url: string,
  ctx: TrameContext,
  room: string,
  identityIndex: number,
): Promise<Editor> {
  const space = await spaceFor(url, ctx, identityIndex);
  const session: DocumentSession = openDocument({
    space,
    docId: fromHex(room),
    headStore: new MemoryHeadStore(),
    WebSocketImpl: WS,
  });
  return {
    doc: session.doc,
    isSynced: () => session.provider.synced,
    whenSynced: () => session.whenSynced(),
    disconnect: () => session.disconnect(),
    connect: () => session.connect(),
    destroy: () => session.destroy(),
  };
}
