import type { Locale } from '../collective/Locale.js';

const FR = {
  column: 'Colonne',
  title: 'Titre',
  description: 'Description',
  tags: 'Étiquettes',
  colour: 'Couleur',
  due: 'Échéance',
  assignees: 'Responsables',
  checklist: 'Liste',
  createdAt: 'Créée le',
  date: 'Date',
  place: 'Lieu',
  chair: 'Animation',
  noteTaker: 'Prise de notes',
  present: 'Présent·es',
  excused: 'Excusé·es',
  agenda: 'Ordre du jour',
  discussion: 'Discussion',
  decisions: 'Décisions',
  actions: 'Actions',
  who: 'qui',
  by: 'pour le',
  none: 'aucun·e',
  minutes: 'Compte rendu',
  sep: ' : ',
};

/** Labels written into exported files, in the exporting person's language. */
export function exportLabels(locale: Locale): typeof FR {
  if (locale === 'fr') return FR;
  return {
    column: 'Column',
    title: 'Title',
    description: 'Description',
    tags: 'Tags',
    colour: 'Colour',
    due: 'Due',
    assignees: 'Assignees',
    checklist: 'Checklist',
    createdAt: 'Created',
    date: 'Date',
    place: 'Place',
    chair: 'Chair',
    noteTaker: 'Note taker',
    present: 'Present',
    excused: 'Apologies',
    agenda: 'Agenda',
    discussion: 'Discussion',
    decisions: 'Decisions',
    actions: 'Actions',
    who: 'who',
    by: 'by',
    none: 'none',
    minutes: 'Minutes',
    sep: ': ',
  };
}
