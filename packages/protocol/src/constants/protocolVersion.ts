/**
 * Version byte that opens every frame (R1). Bumped only on incompatible layout changes.
 * 2: membership v2 (R36-R39) and the content-frame revision; spaces made under 1 are refused.
 * 3: the membership revision of issue 10 (AUTH binds the relay host, R16; rotation, bundle
 *    context, key commitments); spaces made under 1 or 2 are refused (R38).
 */
export const PROTOCOL_VERSION = 3;
