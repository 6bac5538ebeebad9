/** Editable fields of a card, as given to {@link addCard} and {@link updateCard}. */
export interface CardFields {
  title?: string;
  description?: string;
  colour?: string;
  due?: string;
  tags?: string[];
  assignees?: string[];
}
