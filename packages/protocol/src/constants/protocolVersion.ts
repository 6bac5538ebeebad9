/**
 * Version byte that opens every frame (R1). Bumped only on incompatible layout changes.
 * 2: membership v2 (R36-R39) and the content-frame revision; spaces made under 1 are refused.
 * 3: the membership revision of issue 10 (AUTH binds the relay host, R16; rotation, bundle
 *    context, key commitments); spaces made under 1 or 2 are refused (R38).
 * 4: devices (issue 13, ADR 0008): membership actions DEVICE_ADD and DEVICE_REMOVE (R93-R99).
 *    Additive: frames written under 3 keep their layout and are still read (R1, R38).
 */
export const PROTOCOL_VERSION = 4;

/**
 * R1/R38: the oldest version byte still read. Frames stored under it (a space's log, its
 * documents' snapshots and updates) keep their signed bytes and are decoded as they are.
 */
export const OLDEST_READABLE_PROTOCOL_VERSION = 3;

/** R1: whether frames carrying this version byte are read by this code. */
export function isReadableProtocolVersion(version: number): boolean {
  return version >= OLDEST_READABLE_PROTOCOL_VERSION && version <= PROTOCOL_VERSION;
}
