import type { SpaceSessionLike, SyncApi } from '../sync/SyncApi.js';
import type { ClientCore } from './ClientCore.js';
import type { ProfileKeeper } from './profile/ProfileKeeper.js';
import { settle } from './spaces/settle.js';
import { settleSynced } from './spaces/settleSynced.js';
import type { SpaceRegistry } from './spaces/SpaceRegistry.js';

/** The core the commands run over: one identity's spaces (`registry`) and profile. */
export function buildClientCore<S extends SpaceSessionLike>(o: {
  sync: SyncApi<S>;
  myId: string;
  registry: SpaceRegistry<S>;
  profile: ProfileKeeper;
  now: () => number;
  saveTimeoutMs: number;
}): ClientCore<S> {
  const { registry, profile, myId } = o;
  const wait = () => ({ online: registry.online, timeoutMs: o.saveTimeoutMs });
  return {
    sync: o.sync,
    myId,
    personId: profile.current.personId ?? myId,
    get deviceName() {
      return profile.current.deviceName ?? '';
    },
    joinedSpaces: () => profile.current.spaces,
    get displayName() {
      return profile.current.displayName;
    },
    get me() {
      return { id: myId, name: profile.current.displayName, colour: profile.current.colour };
    },
    get location() {
      return registry.location;
    },
    set location(l) {
      registry.location = l;
    },
    get online() {
      return registry.online;
    },
    saveTimeoutMs: o.saveTimeoutMs,
    now: o.now,
    connectOptions: () => registry.connectOptions(),
    openSpace: (id) => registry.open(id),
    adopt: (id, session) => registry.adopt(id, session),
    isOpen: (id) => registry.has(id),
    openSpaces: () => registry.openSpaces(),
    liveSessions: () => registry.items().map((i) => i.session),
    openDoc: (space, docId) => registry.openDoc(space, docId),
    isJoined: (id) => profile.isJoined(id),
    joinedAssemblyOf: (id) => profile.joined(id)?.assemblyId ?? null,
    remember: (space) => profile.remember(space),
    settle: (session) => settle(session, wait()),
    settleSynced: (session) => settleSynced(session, wait()),
  };
}
