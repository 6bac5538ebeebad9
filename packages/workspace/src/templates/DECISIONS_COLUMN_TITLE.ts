import type { Localized } from '../collective/Locale.js';

/** Title of the column that receives the assembly's decisions on an atelier board. */
export const DECISIONS_COLUMN_TITLE: Localized = {
  fr: "Décisions de l'assemblée",
  en: 'Assembly decisions',
};
