/**
 * What every awareness state carries under `user`. The sync layer drops states whose `id` is
 * not the key that signed them, so names and colours cannot be spoofed by another member.
 */
export interface PresenceUser {
  /** Hex public key. */
  id: string;
  name: string;
  colour: string;
}

/** Where someone is in the collective, published in the assembly index's awareness. */
export interface PresenceLocation {
  /** Hex space id of the atelier (or assembly) the person has open. */
  spaceId: string;
  /** Hex id of the document, board or minutes open, or ''. */
  itemId: string;
}

/** One person present in a document (several tabs of one person count once). */
export interface PresentPerson extends PresenceUser {
  isMe: boolean;
  location: PresenceLocation | null;
}
