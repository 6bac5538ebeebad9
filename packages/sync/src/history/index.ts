/**
 * `@trame/sync/history`: version history (HISTORY-1, HISTORY-3; PROTOCOL.md §10). A separate
 * entry so that apps load it on first use (the main entry is imported whole by the web app).
 */
export { HistoryClient } from './HistoryClient.js';
export type { HistoryClientOptions, HistorySpace, VersionDraft } from './HistoryClient.js';
export { openHistory } from './openHistory.js';
export { HistoryError, HISTORY_ERROR_NUMBERS } from './HistoryError.js';
export type { HistoryErrorCode } from './HistoryError.js';
export type { VersionInfo } from './VersionInfo.js';
export { VersionRecorder } from './VersionRecorder.js';
export type { VersionRecorderOptions } from './VersionRecorder.js';
export { DEFAULT_VERSION_POLICY } from './VersionPolicy.js';
export type { VersionPolicy } from './VersionPolicy.js';
export { restoreVersion, RESTORE_ORIGIN } from './restoreVersion.js';
export { revertUpdate } from './revertUpdate.js';
export { sealVersion } from './sealVersion.js';
export { MAX_VERSION_NAME_LENGTH } from './sealVersionName.js';
export { sealVersionName } from './sealVersionName.js';
export { httpOriginOf } from './httpOriginOf.js';
export { signHistoryRequest } from './signHistoryRequest.js';
export { openVersionHead } from './openVersionHead.js';
export { openVersionState } from './openVersionState.js';
export { openVersionName } from './openVersionName.js';
export type { VersionKeys } from './VersionKeys.js';
