/** Something placed in a list by a fractional order key (board columns, cards, agenda items). */
export interface Ordered {
  id: string;
  /** Fractional index key; compared by code unit, never with `localeCompare`. */
  order: string;
}

/** A new order key for one element, as {@link planMove} returns them. */
export interface OrderUpdate {
  id: string;
  order: string;
}
