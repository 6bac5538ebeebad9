export { SpaceSession } from './space/SpaceSession.js';
export type { SpaceStatus } from './space/SpaceSession.js';
export type { PersonChain, SpaceSessionOptions } from './space/SpaceSessionOptions.js';
export type { InvitePreview } from './space/InvitePreview.js';
export { SpaceState } from './space/SpaceState.js';
export type { SpaceMember, RefusedEntry, PendingInviteInfo } from './space/SpaceState.js';
export { encodeInviteToken, decodeInviteToken } from './space/inviteToken.js';
export { keyFingerprint } from './space/keyFingerprint.js';
export type { MembershipPin } from './space/MembershipPin.js';
export type { InviteSecret } from './space/inviteToken.js';
export { DocumentSession, openDocument } from './document/DocumentSession.js';
export type { OpenDocumentOptions, SpaceContext } from './document/DocumentSession.js';
export { DocumentEngine } from './document/DocumentEngine.js';
export { UPDATE_MIN_INTERVAL_MS } from './document/updateMinIntervalMs.js';
export type { DocumentStatus } from './document/DocumentStatus.js';
export type { CompactionPolicy } from './outbox/CompactionPolicy.js';
export type { DocumentEngineOptions } from './document/DocumentEngineOptions.js';
export { RelayConnection } from './connection/RelayConnection.js';
export type { RelayConnectionOptions } from './connection/RelayConnection.js';
export type { WebSocketConstructor, WebSocketLike } from './connection/WebSocketLike.js';
export type { HeadStore, DocumentHeads } from './heads/HeadStore.js';
export { MemoryHeadStore } from './heads/MemoryHeadStore.js';
export { filterAwarenessUpdate } from './awareness/filterAwarenessUpdate.js';
export { newDocId } from './util/newDocId.js';
export { encodeEntryList, decodeEntryList } from './space/entryList.js';
export { toBase64Url, fromBase64Url } from './util/base64url.js';
// Re-exported so that apps depend on one package for the client side.
export { ready, generateIdentity, identityFromSecretKey, identityFromSeed } from '@trame/crypto';
export type { Identity } from '@trame/crypto';
export { Role, TrameError, isTrameError, toHex, fromHex, ERROR_CODES } from '@trame/protocol';
export type { ErrorCode } from '@trame/protocol';
export type { LocalCache } from './cache/LocalCache.js';
export { MemoryCache } from './cache/MemoryCache.js';
export { EncryptedCache } from './cache/EncryptedCache.js';
export { PersistentHeadStore } from './heads/PersistentHeadStore.js';
export {
  mustSign,
  DEFAULT_SIGNATURE_POLICY,
  EVERY_FRAME_SIGNATURE_POLICY,
  SPARSE_SIGNATURE_POLICY,
} from './outbox/mustSign.js';
export type { SignaturePolicy } from './outbox/mustSign.js';
