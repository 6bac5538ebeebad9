import type { Locale } from '../collective/Locale.js';

/**
 * Field names of minutes in "Couleurs des auteurs" and comparisons, as in the compte rendu
 * export (exchange/exportLabels); kept here so the history views do not pull the converters'
 * modules into the routes' chunks (WEBAPP-3).
 */
export const MINUTES_LABELS: Record<
  Locale,
  Record<'date' | 'place' | 'chair' | 'noteTaker' | 'present' | 'excused' | 'decisions' | 'actions' | 'who' | 'sep', string>
> = {
  fr: {
    date: 'Date',
    place: 'Lieu',
    chair: 'Animation',
    noteTaker: 'Prise de notes',
    present: 'Présent·es',
    excused: 'Excusé·es',
    decisions: 'Décisions',
    actions: 'Actions',
    who: 'qui',
    sep: ' : ',
  },
  en: {
    date: 'Date',
    place: 'Place',
    chair: 'Chair',
    noteTaker: 'Note taker',
    present: 'Present',
    excused: 'Apologies',
    decisions: 'Decisions',
    actions: 'Actions',
    who: 'who',
    sep: ': ',
  },
};
