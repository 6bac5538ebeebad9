// @trame/workspace: the client-side domain of Trame. Pure functions over Y.Docs (tested with
// in-memory docs) and one runtime class, TrameClient, on top of @trame/sync's contract.

// sync contract (structural, checked against @trame/sync by SyncApi.conformance.test.ts)
export type {
  SyncApi,
  SpaceSessionLike,
  SpaceSessionEvents,
  DocumentSessionLike,
  DocumentSessionEvents,
  DocumentStatus,
  SpaceStatus as SpaceConnectionStatus,
  SpaceMemberInfo,
  PendingInviteInfo,
  SpaceConnectOptions,
  OpenDocumentOptionsLike,
  LocalCache,
  HeadStore,
} from './sync/SyncApi.js';
export { syncView } from './sync/syncView.js';
export type { SyncView } from './sync/syncView.js';
export { SyncStatusTracker } from './sync/SyncStatusTracker.js';

// runtime
export { TrameClient } from './client/TrameClient.js';
export type { TrameClientOptions } from './client/TrameClient.js';
export { Devices } from './client/devices/Devices.js';
export type { DeviceInfo, DeviceSpaceResult } from './client/devices/DeviceInfo.js';
export { DeviceError, DEVICE_ERROR_NUMBERS } from './client/devices/DeviceError.js';
export type { DeviceErrorCode } from './client/devices/DeviceError.js';
export { linkProfileOf, profileFromLink } from './client/devices/LinkProfile.js';
export type { LinkProfile } from './client/devices/LinkProfile.js';
export type { DeviceRecord } from './space/DeviceRecord.js';
export { readDeviceRecords } from './space/readDeviceRecords.js';
export { setDeviceRecord, LAST_SEEN_STEP_MS } from './space/setDeviceRecord.js';
export type { OpenSpace } from './client/OpenSpace.js';
export { WorkspaceError } from './client/WorkspaceError.js';
export type { WorkspaceErrorCode } from './client/WorkspaceError.js';
export { todayIso } from './client/todayIso.js';
export { isAccessRefusal } from './client/isAccessRefusal.js';
export { moveDocuments } from './client/spaces/moveDocuments.js';
export type { MoveProgress, MoveDocumentsOptions } from './client/spaces/moveDocuments.js';
export { previewInvite } from './client/invites/previewInvite.js';
export type { VerifiedInvite } from './client/invites/VerifiedInvite.js';

// ids and ordering
export { newId } from './ids/newId.js';
export { isHexId } from './ids/isHexId.js';
export type { Ordered, OrderUpdate } from './ordering/Ordered.js';
export { compareOrdered } from './ordering/compareOrdered.js';
export { keyBetween } from './ordering/keyBetween.js';
export { isOrderKey } from './ordering/isOrderKey.js';
export { planMove } from './ordering/planMove.js';

// collective defaults
export type { Locale, Localized } from './collective/Locale.js';
export type { AtelierDraft } from './collective/AtelierDraft.js';
export type { CollectivePlan } from './collective/CollectivePlan.js';
export type { DefaultAtelier } from './collective/DEFAULT_ATELIERS.js';
export { DEFAULT_ATELIERS } from './collective/DEFAULT_ATELIERS.js';
export { DEFAULT_ASSEMBLY } from './collective/DEFAULT_ASSEMBLY.js';
export { ATELIER_COLOURS } from './collective/ATELIER_COLOURS.js';
export { defaultCollectivePlan } from './collective/defaultCollectivePlan.js';
export { validatePlan, MAX_NAME_LENGTH } from './collective/validatePlan.js';
export type { PlanProblem } from './collective/validatePlan.js';

// space index
export { INDEX_ROOTS } from './space/SpaceIndex.js';
export type {
  SpaceKind,
  SpaceStatus,
  ItemType,
  SpaceMeta,
  ItemInfo,
  MemberProfile,
  AtelierEntry,
  ActivityAction,
  ActivityEntry,
} from './space/SpaceIndex.js';
export { initSpaceIndex } from './space/initSpaceIndex.js';
export { readSpaceMeta } from './space/readSpaceMeta.js';
export { updateSpaceMeta } from './space/updateSpaceMeta.js';
export { addItem } from './space/addItem.js';
export { readItem } from './space/readItem.js';
export { readItems } from './space/readItems.js';
export { updateItem } from './space/updateItem.js';
export { setProfile } from './space/setProfile.js';
export { readProfiles } from './space/readProfiles.js';
export { recordActivity, ACTIVITY_KEEP } from './space/recordActivity.js';
export { readActivity } from './space/readActivity.js';
export { findMainBoard } from './space/findMainBoard.js';
export { recordPresentProfiles } from './space/recordPresentProfiles.js';
export { registerAtelier } from './space/registerAtelier.js';
export { readAteliers } from './space/readAteliers.js';
export { updateAtelier } from './space/updateAtelier.js';

// boards
export { BOARD_ROOTS } from './board/Board.js';
export type { ColumnKind, CardSource, ChecklistItem, BoardCard, BoardColumn, BoardView } from './board/Board.js';
export type { CardFields } from './board/CardFields.js';
export type { CardFilter } from './board/CardFilter.js';
export { initBoard } from './board/initBoard.js';
export { readBoard } from './board/readBoard.js';
export { readCard } from './board/readCard.js';
export { addColumn } from './board/addColumn.js';
export { updateColumn } from './board/updateColumn.js';
export { removeColumn } from './board/removeColumn.js';
export { moveColumn } from './board/moveColumn.js';
export { addCard } from './board/addCard.js';
export { updateCard } from './board/updateCard.js';
export { moveCard } from './board/moveCard.js';
export { removeCard } from './board/removeCard.js';
export { addChecklistItem } from './board/addChecklistItem.js';
export { updateChecklistItem } from './board/updateChecklistItem.js';
export { filterBoard } from './board/filterBoard.js';
export { boardTags } from './board/boardTags.js';

// minutes
export { MINUTES_ROOTS } from './minutes/Minutes.js';
export type {
  MinutesMeta,
  AttendanceStatus,
  AttendanceEntry,
  DecisionView,
  ActionView,
  AgendaItemView,
  MinutesView,
} from './minutes/Minutes.js';
export { initMinutes } from './minutes/initMinutes.js';
export { readMinutes } from './minutes/readMinutes.js';
export { updateMinutesMeta } from './minutes/updateMinutesMeta.js';
export { setAttendance } from './minutes/setAttendance.js';
export { addAgendaItem } from './minutes/addAgendaItem.js';
export { updateAgendaItem } from './minutes/updateAgendaItem.js';
export { agendaDiscussion } from './minutes/agendaDiscussion.js';
export { addDecision } from './minutes/addDecision.js';
export { updateDecision } from './minutes/updateDecision.js';
export { addAction } from './minutes/addAction.js';
export { updateAction } from './minutes/updateAction.js';

// assembly decisions → atelier boards
export type { PublishedDecision, DecisionState, DecisionStatus } from './decisions/PublishedDecision.js';
export { decisionKey } from './decisions/decisionKey.js';
export { decisionCardId } from './decisions/decisionCardId.js';
export { RECEIVED_DECISIONS, DECISIONS_COLUMN_ID } from './decisions/DECISION_BOARD.js';
export { publishDecisions } from './decisions/publishDecisions.js';
export { readPublishedDecisions } from './decisions/readPublishedDecisions.js';
export { syncDecisionCards } from './decisions/syncDecisionCards.js';
export { readDecisionCardStates } from './decisions/readDecisionCardStates.js';
export { reportDecisionStates } from './decisions/reportDecisionStates.js';
export { readDecisionStatuses } from './decisions/readDecisionStatuses.js';

// text documents and templates
export { DOCUMENT_FIELD } from './document/DOCUMENT_FIELD.js';
export type { PmNode } from './document/PmNode.js';
export { pmToYXml } from './document/pmToYXml.js';
export { writeDocumentContent } from './document/writeDocumentContent.js';
export { documentText } from './document/documentText.js';
export type { Template, TemplateContext } from './templates/Template.js';
export { TEMPLATES } from './templates/TEMPLATES.js';
export { DECISIONS_COLUMN_TITLE } from './templates/DECISIONS_COLUMN_TITLE.js';
export { templatesFor } from './templates/templatesFor.js';
export { applyTemplate } from './templates/applyTemplate.js';
export { copyItemContent } from './templates/copyItemContent.js';
export { applyTextChange } from './text/applyTextChange.js';
export type { TextCaret } from './text/TextCaret.js';
export { captureCaret } from './text/captureCaret.js';
export { restoreCaret } from './text/restoreCaret.js';

// history (HISTORY-2): who writes under each Yjs client id; the views are in
// '@trame/workspace/history-view' (loaded on demand)
export { AUTHORS_ROOT } from './historyView/AUTHORS_ROOT.js';
export { claimAuthorship } from './historyView/claimAuthorship.js';
export { readClientAuthors } from './historyView/readClientAuthors.js';

// export and import: the converters live in '@trame/workspace/exchange' (loaded on demand)
export { ITEM_FORMATS } from './exchange/ITEM_FORMATS.js';
export type { ExportFormat } from './exchange/ITEM_FORMATS.js';

// presence, roles, invites
export type { PresenceUser, PresenceLocation, PresentPerson } from './presence/PresenceUser.js';
export { colourForId, PRESENCE_COLOURS } from './presence/colourForId.js';
export { setPresence } from './presence/setPresence.js';
export { readPresence } from './presence/readPresence.js';
export { onlineBySpace } from './presence/onlineBySpace.js';
export { canWrite } from './roles/canWrite.js';
export { canManage } from './roles/canManage.js';
export { roleName } from './roles/roleName.js';
export type { RoleName } from './roles/roleName.js';
export { inviteLink } from './invites/inviteLink.js';
export { readInviteFragment } from './invites/readInviteFragment.js';
export type { InvitePreview } from './invites/InvitePreview.js';
export { encodeInvitePreview } from './invites/encodeInvitePreview.js';
export { readInvitePreview } from './invites/readInvitePreview.js';
export { expiryDate } from './invites/expiryDate.js';
export { inviteExpiryChoices } from './invites/inviteExpiryChoices.js';
export type { InviteExpiry } from './invites/expiryDate.js';

// device-local storage
export type { LocalProfile, JoinedSpace } from './local/LocalProfile.js';
export type { ProfileStore } from './local/ProfileStore.js';
export { IndexedDbProfileStore } from './local/IndexedDbProfileStore.js';
export { MemoryProfileStore } from './local/MemoryProfileStore.js';
export { addJoinedSpace } from './local/addJoinedSpace.js';
export { CacheProfileStore } from './local/CacheProfileStore.js';
export { IndexedDbCache, CACHE_DB_NAME } from './local/IndexedDbCache.js';
export { loadDeviceKey, DEVICE_DB_NAME } from './local/loadDeviceKey.js';
export { forgetSpaceEntries } from './local/forgetSpaceEntries.js';
export type { ListableStore } from './local/forgetSpaceEntries.js';
// DEVICES-4: the device lock (passphrase, Argon2id); its operations are in '@trame/workspace/device'.
export { LOCK_PARAMS, LOCK_IDLE_CHOICES, DEFAULT_LOCK_IDLE_MINUTES } from './local/lock/LOCK_PARAMS.js';
export type { LockedKey } from './local/lock/LockedKey.js';
export { DeviceLockError, DEVICE_LOCK_ERROR_NUMBERS } from './local/lock/DeviceLockError.js';
export type { DeviceLockErrorCode } from './local/lock/DeviceLockError.js';
export { readDeviceLock } from './local/lock/readDeviceLock.js';
export type { LockResult } from './local/lock/lockDevice.js';
export type { UnlockResult } from './local/lock/unlockDevice.js';
// DEVICES-3: the recovery phrase and its encrypted backup at the relay ('@trame/workspace/device').
export { RecoveryError, RECOVERY_ERROR_NUMBERS } from './local/recovery/RecoveryError.js';
export type { RecoveryErrorCode } from './local/recovery/RecoveryError.js';
export type { RecoveryKeys, RecoveryKeySet } from './local/recovery/RecoveryKeySet.js';
export { BACKUP_MAX_BYTES, backupSigned } from './local/recovery/backupFormat.js';
export { readLockRequired } from './space/readLockRequired.js';
export { setLockRequired } from './space/setLockRequired.js';
// Version history (HISTORY-1, HISTORY-3): `client.history`.
export type { ItemHistory } from './client/history/ItemHistory.js';
export type { VersionInfo, HistoryErrorCode } from '@trame/sync/history';
export type { RetentionPolicy } from '@trame/protocol';
export { DEFAULT_RETENTION_POLICY } from '@trame/protocol';
