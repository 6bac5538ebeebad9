/** What a worker needs to open Trame documents: the space and the editors' identities. */
export interface TrameContext {
  spaceIdHex: string;
  /** 32-byte Ed25519 seeds, hex, of members with the editor role (index = identity number). */
  seeds: string[];
}
