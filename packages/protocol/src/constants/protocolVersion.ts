/**
 * Version byte that opens every frame (R1). Bumped only on incompatible layout changes.
 * 2: membership v2 (R36-R39) and the content-frame revision; spaces made under 1 are refused.
 * 3: the membership revision of issue 10 (AUTH binds the relay host, R16; rotation, bundle
 *    context, key commitments); spaces made under 1 or 2 are refused (R38).
 * 4: devices (issue 13, ADR 0008): membership actions DEVICE_ADD and DEVICE_REMOVE (R93-R99).
 *    Additive: frames written under 3 keep their layout and are still read (R1, R38).
 * 5: device certificates (issue 13, ADR 0010): a MEMBERSHIP frame carries a device chain
 *    (R121) before its signature, so a space can be created or an invite accepted on a linked
 *    device as its person (R122, R123). Every other layout is 4's; frames written under 3 and
 *    4 are still read as they are (their MEMBERSHIP frames have no chain).
 */
export const PROTOCOL_VERSION = 5;

/**
 * R1/R38: the oldest version byte still read. Frames stored under it (a space's log, its
 * documents' snapshots and updates) keep their signed bytes and are decoded as they are.
 */
export const OLDEST_READABLE_PROTOCOL_VERSION = 3;

/** R1: whether frames carrying this version byte are read by this code. */
export function isReadableProtocolVersion(version: number): boolean {
  return version >= OLDEST_READABLE_PROTOCOL_VERSION && version <= PROTOCOL_VERSION;
}
