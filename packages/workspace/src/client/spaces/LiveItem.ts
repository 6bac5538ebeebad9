/** An item session opened for a screen, with where it belongs. */
export interface LiveItem {
  /** Hex space id. */
  spaceId: string;
  /** Hex item id. */
  itemId: string;
}
