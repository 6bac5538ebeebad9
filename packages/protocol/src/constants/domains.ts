const enc = new TextEncoder();

/**
 * Domain-separation prefixes for every signature and hash (R5): a signature made for one
 * purpose can never be replayed as another.
 */
export const DOMAIN = {
  auth: enc.encode('trame/v1/auth\0'),
  membership: enc.encode('trame/v1/membership\0'),
  update: enc.encode('trame/v1/update\0'),
  snapshot: enc.encode('trame/v1/snapshot\0'),
  ephemeral: enc.encode('trame/v1/ephemeral\0'),
  snapshotProof: enc.encode('trame/v1/snapshot-proof\0'),
  chainLink: enc.encode('trame/v1/chain-link\0'),
  docKey: enc.encode('trame/v1/doc-key\0'),
  /** R71: prefix of a sealed key bundle's plaintext, before its context. */
  keyBundle: enc.encode('trame/v3/key-bundle\0'),
  /** R72: message of an epoch key's commitment (keyed BLAKE2b), before space id and epoch. */
  keyCommit: enc.encode('trame/v3/key-commit\0'),
  /** R76: associated data of an INVITE's wrapped bundle. */
  inviteWrap: enc.encode('trame/v3/invite-wrap\0'),
  /** R120: a device certificate link (person ‖ issuer ‖ device ‖ issuedAt), signed by its issuer. */
  deviceCert: enc.encode('trame/v5/device-cert\0'),
} as const;
