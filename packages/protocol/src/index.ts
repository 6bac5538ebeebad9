export {
  PROTOCOL_VERSION,
  OLDEST_READABLE_PROTOCOL_VERSION,
  isReadableProtocolVersion,
} from './constants/protocolVersion.js';
export { relayHostOf } from './auth/relayHostOf.js';
export { TRAME_SUBPROTOCOL } from './constants/subprotocol.js';
export { FrameKind, frameKindName } from './constants/FrameKind.js';
export { Role, roleCanWrite, isRole } from './constants/Role.js';
export {
  MembershipAction,
  isMembershipAction,
  isDeviceAction,
  MEMBERSHIP_DEVICE_ACTIONS_SINCE,
  MEMBERSHIP_DEVICE_CHAIN_SINCE,
  MAX_DEVICE_CHAIN_LINKS,
} from './constants/MembershipAction.js';
export { LIMITS } from './constants/limits.js';
export {
  ID_BYTES,
  PUBLIC_KEY_BYTES,
  SIGNATURE_BYTES,
  NONCE_BYTES,
  HASH_BYTES,
  CHALLENGE_BYTES,
  AEAD_TAG_BYTES,
  VIEW_HEAD_BYTES,
  INVITE_WRAP_BYTES,
} from './constants/sizes.js';
export { DOMAIN } from './constants/domains.js';
export { ERROR_CODES, errorCodeFromNumber, isRetryable } from './errors/errorCodes.js';
export type { ErrorCode, ErrorNumber } from './errors/errorCodes.js';
export { TrameError, isTrameError } from './errors/TrameError.js';
export type { TrameErrorDetails } from './errors/TrameError.js';
export { CloseCode, shouldRetryClose, closeCodeForError } from './errors/CloseCode.js';
export { ByteReader } from './codec/ByteReader.js';
export { ByteWriter } from './codec/ByteWriter.js';
export { ZERO_ID, ZERO_HASH } from './frames/zero.js';
export {
  encodeHello,
  encodeChallenge,
  encodeDurable,
  encodeAuth,
  encodeReady,
  encodeAck,
  encodeError,
  encodeInviteWrap,
} from './frames/control.js';
export {
  encodeUpdateHeader,
  encodeSnapshotHeader,
  encodeEphemeralHeader,
  encodeContentBody,
  encodeMembershipBody,
  appendSignature,
  signingInput,
  authSigningInput,
  snapshotProofInput,
  chainLinkInput,
  headerIsSigned,
  UPDATE_HEADER_BYTES,
  EPHEMERAL_HEADER_BYTES,
  UPDATE_FLAG_SIGNED,
} from './frames/content.js';
export { decodeFrame } from './frames/decodeFrame.js';
export type {
  Frame,
  HelloFrame,
  ChallengeFrame,
  DurableFrame,
  AuthFrame,
  ReadyFrame,
  MembershipFields,
  DeviceCertLink,
  MembershipFrame,
  SealedKey,
  ContentParts,
  MembershipView,
  UpdateHeader,
  UpdateFrame,
  AuthorClock,
  SnapshotHeader,
  SnapshotFrame,
  EphemeralHeader,
  EphemeralFrame,
  AckFrame,
  ErrorFrame,
  InviteWrapFrame,
} from './frames/types.js';
export { toHex, fromHex } from './util/hex.js';
export { bytesEqual } from './util/bytesEqual.js';
export { concatBytes } from './util/concatBytes.js';
export { isZero } from './util/isZero.js';
export type { MembershipState, PendingInvite } from './membership/MembershipState.js';
export { emptyMembershipState } from './membership/emptyMembershipState.js';
export { applyMembershipEntry } from './membership/applyMembershipEntry.js';
export { checkInviteExpiry, INVITE_DEFAULT_SECONDS, ADMIN_INVITE_MAX_SECONDS } from './membership/checkInviteExpiry.js';
export type { MembershipDeps } from './membership/applyMembershipEntry.js';
export type { KeyBundleContext } from './membership/KeyBundleContext.js';
export { checkKeyBundleContext } from './membership/checkKeyBundleContext.js';
export { rotationRecipientsError } from './membership/rotationRecipients.js';
export { personOf } from './membership/personOf.js';
export type { DeviceLayer } from './membership/personOf.js';
export { roleOfKey } from './membership/roleOfKey.js';
export { devicesOf } from './membership/devicesOf.js';
export { accessRoles } from './membership/accessRoles.js';
export { keyHolders } from './membership/keyHolders.js';
export { deviceAddError } from './membership/deviceAddError.js';
export { deviceRemoveError } from './membership/deviceRemoveError.js';
export { rotateSignerError } from './membership/rotateSignerError.js';
export { checkDeviceChain } from './membership/checkDeviceChain.js';
export type { VerifySignature } from './membership/checkDeviceChain.js';
export { deviceCertInput } from './membership/deviceCertInput.js';
export { sealedForExactly } from './membership/sealedForExactly.js';
export { isStrictPublicKey, isCanonicalPointEncoding, hasSmallOrder } from './ed25519/isStrictPublicKey.js';
export { isStrictSignature } from './ed25519/isStrictSignature.js';
export { ED25519_TEST_VECTORS } from './ed25519/ed25519TestVectors.js';
// Version history (HISTORY-1, HISTORY-3; PROTOCOL.md §10).
export { HISTORY_DOMAIN } from './history/HISTORY_DOMAIN.js';
export { HISTORY_LAYOUT } from './history/HISTORY_LAYOUT.js';
export type { VersionRecord } from './history/VersionRecord.js';
export type { NameRecord } from './history/NameRecord.js';
export { decodeVersionRecord } from './history/decodeVersionRecord.js';
export { encodeVersionRecord } from './history/encodeVersionRecord.js';
export type { VersionRecordFields } from './history/encodeVersionRecord.js';
export { encodeVersionHeader } from './history/encodeVersionHeader.js';
export { decodeNameRecord } from './history/decodeNameRecord.js';
export { encodeNameRecord } from './history/encodeNameRecord.js';
export { historyRequestMessage } from './history/historyRequestMessage.js';
export type { HistoryRequestFacts } from './history/historyRequestMessage.js';
export { DEFAULT_RETENTION_POLICY } from './history/RetentionPolicy.js';
export type { RetentionPolicy } from './history/RetentionPolicy.js';
export { checkRetentionPolicy } from './history/checkRetentionPolicy.js';
export { PAIRING, PairingFrameKind, PairingMode } from './pairing/PAIRING.js';
export type {
  PairingFrame,
  PairingOpenFrame,
  PairingStatusFrame,
  PairingDataFrame,
  PairingErrorFrame,
} from './pairing/PairingFrame.js';
export { encodePairingFrame } from './pairing/encodePairingFrame.js';
export { decodePairingFrame } from './pairing/decodePairingFrame.js';
export { formatPairingCode } from './pairing/formatPairingCode.js';
export { parsePairingCode } from './pairing/parsePairingCode.js';
export { PAIRING_DOMAIN } from './pairing/PAIRING_DOMAIN.js';
export { LinkSide } from './pairing/PairingMessage.js';
export type { PairingMessage } from './pairing/PairingMessage.js';
export { encodePairingMessage } from './pairing/encodePairingMessage.js';
export { decodePairingMessage } from './pairing/decodePairingMessage.js';
