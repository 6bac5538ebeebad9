/** Version byte that opens every frame (R1). Bumped only on incompatible layout changes. */
export const PROTOCOL_VERSION = 1;
