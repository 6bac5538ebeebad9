/** What the board's filter bar selects; empty fields match everything. */
export interface CardFilter {
  tag?: string;
  /** Member id. */
  assignee?: string;
  /** Free text matched against title and description, case- and accent-insensitively. */
  text?: string;
}
