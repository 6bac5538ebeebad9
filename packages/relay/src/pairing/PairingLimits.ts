/** Limits of the pairing channel (DEVICES-1, R100-R103); part of `RelayLimits`. */
export interface PairingLimits {
  /** R103: a channel's lifetime from its creation; then both peers get PAIRING_EXPIRED. */
  pairingChannelTtlMs: number;
  /** R100: channels open at once on this relay. */
  maxPairingChannels: number;
  /** R100: channels created from one client address and still open. */
  maxPairingChannelsPerAddress: number;
  /** R100, R101: OPEN frames (create or join, right or wrong) per minute per address, and burst. */
  pairingOpensPerMinutePerAddress: number;
  pairingOpenBurstPerAddress: number;
  /** R102: DATA frames one channel forwards over its life, and their bytes. */
  maxPairingMessagesPerChannel: number;
  maxPairingBytesPerChannel: number;
}

/** Defaults: a link takes six messages of a few KiB, within a minute or two. */
export const DEFAULT_PAIRING_LIMITS: Readonly<PairingLimits> = Object.freeze({
  pairingChannelTtlMs: 5 * 60_000,
  maxPairingChannels: 1024,
  maxPairingChannelsPerAddress: 4,
  pairingOpensPerMinutePerAddress: 10,
  pairingOpenBurstPerAddress: 10,
  maxPairingMessagesPerChannel: 64,
  maxPairingBytesPerChannel: 256 * 1024,
});
