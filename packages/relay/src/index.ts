export { createRelay } from './relay/createRelay.js';
export type { Relay, RelayOptions, RelayServer, ListenOptions } from './relay/createRelay.js';
export { startRelay } from './relay/startRelay.js';
export type { StartRelayOptions, RunningRelay } from './relay/startRelay.js';
export { DEFAULT_RELAY_LIMITS } from './relay/RelayLimits.js';
export type { RelayLimits } from './relay/RelayLimits.js';
export { OPEN_SPACE_CREATION, CREATION_TOKEN_PREFIX } from './admission/SpaceCreationPolicy.js';
export type { SpaceCreationPolicy } from './admission/SpaceCreationPolicy.js';
export type { RelayFallback, NodeRequestHandler, FetchFallback } from './http/RelayFallback.js';
export type { HealthReport } from './http/readHealth.js';
export {
  DEFAULT_EXTERNAL_FRAME_BYTES,
  SqliteStorage,
  type SqliteStorageOptions,
} from './storage/sqlite/SqliteStorage.js';
export { framesFileOf } from './storage/sqlite/framesFileOf.js';
export { inlineFrames } from './storage/sqlite/inlineFrames.js';
export { viewFramesInline } from './storage/sqlite/viewFramesInline.js';
export { SchemaTooNewError } from './storage/SchemaTooNewError.js';
export { SQLITE_MIGRATIONS, type SqliteMigration } from './storage/sqlite/sqliteMigrations.js';
export { PostgresStorage } from './storage/postgres/PostgresStorage.js';
export type { PostgresStorageOptions } from './storage/postgres/PostgresStorage.js';
export { copySqliteToPostgres } from './storage/migrate/copySqliteToPostgres.js';
export type { CopySqliteToPostgresOptions, MigrationReport } from './storage/migrate/copySqliteToPostgres.js';
export { InProcessFanout } from './fanout/InProcessFanout.js';
export { RedisFanout } from './fanout/RedisFanout.js';
export type { RedisFanoutOptions } from './fanout/RedisFanout.js';
export type { Fanout, FanoutHost, FanoutHealth, InitialPositionSeqs } from './fanout/Fanout.js';
export type { CommitLog, CommittedFrames } from './fanout/CommitLog.js';
export type {
  RelayStorage,
  SpaceRecord,
  SpaceAccess,
  SpaceTransaction,
  MembershipWrite,
  DocumentHead,
  DocumentTransaction,
  UpdateWrite,
  SnapshotWrite,
  InitialStateQuery,
  InitialState,
  StorageHealth,
} from './storage/RelayStorage.js';
export { emptyDocumentHead } from './documents/emptyDocumentHead.js';
export { acceptUpdate } from './documents/acceptUpdate.js';
export type { WriteResult } from './documents/acceptUpdate.js';
export { acceptSnapshot } from './documents/acceptSnapshot.js';
export { acceptMembership } from './space/acceptMembership.js';
export type { MembershipContext } from './space/acceptMembership.js';
export { checkUpdate } from './checks/checkUpdate.js';
export type { UpdateFacts } from './checks/checkUpdate.js';
export { checkSnapshot } from './checks/checkSnapshot.js';
export type { SnapshotFacts } from './checks/checkSnapshot.js';
export { checkMembership } from './checks/checkMembership.js';
export type { MembershipFacts, MembershipVerdict } from './checks/checkMembership.js';
export { checkWriter } from './checks/checkWriter.js';
export { checkContentTarget } from './checks/checkContentTarget.js';
export type { ConnectionTarget } from './checks/checkContentTarget.js';
export { expectedSnapshotProof } from './checks/expectedSnapshotProof.js';
export type { WriteVerdict } from './checks/WriteVerdict.js';
export { createJsonLogger } from './logging/createJsonLogger.js';
export type { JsonLoggerOptions, ClosableLogger } from './logging/createJsonLogger.js';
export { silentLogger } from './logging/silentLogger.js';
export type { Logger, LogLevel, LogFields } from './logging/Logger.js';
// Version history (HISTORY-1, HISTORY-3; PROTOCOL.md §10).
export type {
  HistoryStore,
  HistoryTransaction,
  StoredVersion,
  VersionStamp,
  VersionWrite,
} from './history/HistoryStore.js';
export { thinVersions } from './history/thinVersions.js';
export { planVersionStore } from './history/planVersionStore.js';
export type { VersionStorePlan } from './history/planVersionStore.js';
