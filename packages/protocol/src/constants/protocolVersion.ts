/**
 * Version byte that opens every frame (R1). Bumped only on incompatible layout changes.
 * 2: membership v2 (R36-R39) and the content-frame revision; spaces made under 1 are refused.
 */
export const PROTOCOL_VERSION = 2;
