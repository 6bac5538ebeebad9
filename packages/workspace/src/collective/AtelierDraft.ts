/** An atelier about to be created: what the person setting it up chose or kept. */
export interface AtelierDraft {
  /** Stable key of a default atelier (`'media'`...), or null for one made up by the collective. */
  key: string | null;
  name: string;
  description: string;
  /** CSS colour, `#rrggbb`. */
  colour: string;
}
