/**
 * Whether a card is being carried with the keyboard (Space picked it up and has not dropped
 * it yet). svelte-dnd-action keeps this to itself; the board's own keys need it to move the
 * carried card to the next column with the arrows, as the hint says (MINUTES-6 (b)).
 */
export const keyboardDrag = { active: false };
