import { initBoard } from '../board/initBoard.js';
import { writeDocumentContent } from '../document/writeDocumentContent.js';
import { initMinutes } from '../minutes/initMinutes.js';
import { DECISIONS_COLUMN_TITLE } from './DECISIONS_COLUMN_TITLE.js';
import { pm } from './pm.js';
import type { Template } from './Template.js';

/**
 * Built-in templates. Their text is written into the new item in the creator's language and
 * is then ordinary, editable, encrypted content.
 */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'document.blank',
    type: 'document',
    name: { fr: 'Document vierge', en: 'Blank document' },
    description: { fr: 'Une page blanche.', en: 'An empty page.' },
    apply: () => {},
  },
  {
    id: 'document.atelierReport',
    type: 'document',
    name: { fr: "Synthèse d'atelier", en: 'Atelier summary' },
    description: {
      fr: "Contexte, travail fait, décisions, prochaines étapes : à rapporter à l'assemblée.",
      en: 'Context, work done, decisions, next steps: to report back to the assembly.',
    },
    apply: (doc, { locale }) =>
      writeDocumentContent(
        doc,
        locale === 'fr'
          ? [
              pm.h(1, "Synthèse d'atelier"),
              pm.p('', 'Date : '),
              pm.p('', 'Présents : '),
              pm.h(2, 'Contexte'),
              pm.p(''),
              pm.h(2, 'Ce qui a été fait'),
              pm.ul(''),
              pm.h(2, 'Décisions'),
              pm.ul(''),
              pm.h(2, 'Prochaines étapes'),
              pm.tasks(''),
              pm.h(2, "À remonter à l'assemblée"),
              pm.quote(''),
            ]
          : [
              pm.h(1, 'Atelier summary'),
              pm.p('', 'Date: '),
              pm.p('', 'Present: '),
              pm.h(2, 'Context'),
              pm.p(''),
              pm.h(2, 'What was done'),
              pm.ul(''),
              pm.h(2, 'Decisions'),
              pm.ul(''),
              pm.h(2, 'Next steps'),
              pm.tasks(''),
              pm.h(2, 'For the assembly'),
              pm.quote(''),
            ],
      ),
  },
  {
    id: 'document.actionSheet',
    type: 'document',
    name: { fr: 'Fiche action', en: 'Action sheet' },
    description: {
      fr: 'Préparer une action : objectif, lieu, rôles, risques et protection des personnes.',
      en: 'Prepare an action: aim, place, roles, risks and protecting people.',
    },
    apply: (doc, { locale }) =>
      writeDocumentContent(
        doc,
        locale === 'fr'
          ? [
              pm.h(1, 'Fiche action'),
              pm.h(2, 'Objectif'),
              pm.p(''),
              pm.h(2, 'Date, lieu, horaires'),
              pm.p(''),
              pm.h(2, 'Rôles'),
              pm.table(
                ['Rôle', 'Qui', 'Contact'],
                [
                  ['Référent·e', '', ''],
                  ['Sécurité', '', ''],
                  ['Juridique', '', ''],
                ],
              ),
              pm.h(2, 'Risques et protection des personnes'),
              pm.ul(''),
              pm.h(2, 'Matériel'),
              pm.tasks(''),
            ]
          : [
              pm.h(1, 'Action sheet'),
              pm.h(2, 'Aim'),
              pm.p(''),
              pm.h(2, 'Date, place, times'),
              pm.p(''),
              pm.h(2, 'Roles'),
              pm.table(
                ['Role', 'Who', 'Contact'],
                [
                  ['Lead', '', ''],
                  ['Safety', '', ''],
                  ['Legal', '', ''],
                ],
              ),
              pm.h(2, 'Risks and protecting people'),
              pm.ul(''),
              pm.h(2, 'Equipment'),
              pm.tasks(''),
            ],
      ),
  },
  {
    id: 'document.integrationDay',
    type: 'document',
    name: { fr: "Journée d'intégration", en: 'Integration day' },
    description: {
      fr: 'Accueillir les nouveaux : déroulé, présentation des ateliers, contacts.',
      en: 'Welcome newcomers: programme, the ateliers, contacts.',
    },
    apply: (doc, { locale }) =>
      writeDocumentContent(
        doc,
        locale === 'fr'
          ? [
              pm.h(1, "Journée d'intégration"),
              pm.h(2, 'Déroulé'),
              pm.ul(
                'Accueil et tour de table',
                'Comment fonctionne le collectif',
                'Présentation des ateliers',
                'Rencontre avec les membres actifs',
              ),
              pm.h(2, 'Nouveaux membres'),
              pm.table(['Prénom', 'Ateliers qui l’intéressent', 'Invitation envoyée'], [['', '', '']]),
            ]
          : [
              pm.h(1, 'Integration day'),
              pm.h(2, 'Programme'),
              pm.ul('Welcome and introductions', 'How the collective works', 'The ateliers', 'Meeting active members'),
              pm.h(2, 'Newcomers'),
              pm.table(['First name', 'Ateliers of interest', 'Invite sent'], [['', '', '']]),
            ],
      ),
  },
  {
    id: 'board.atelier',
    type: 'board',
    name: { fr: "Tableau d'atelier", en: 'Atelier board' },
    description: {
      fr: "Reçoit les décisions de l'assemblée, puis À faire, En cours, Fait.",
      en: "Receives the assembly's decisions, then To do, Doing, Done.",
    },
    apply: (doc, { locale }) =>
      initBoard(doc, [
        { title: DECISIONS_COLUMN_TITLE[locale], kind: 'decisions' },
        { title: locale === 'fr' ? 'À faire' : 'To do', kind: 'todo' },
        { title: locale === 'fr' ? 'En cours' : 'Doing', kind: 'doing' },
        { title: locale === 'fr' ? 'Fait' : 'Done', kind: 'done' },
      ]),
  },
  {
    id: 'board.simple',
    type: 'board',
    name: { fr: 'Tableau simple', en: 'Simple board' },
    description: { fr: 'À faire, En cours, Fait.', en: 'To do, Doing, Done.' },
    apply: (doc, { locale }) =>
      initBoard(doc, [
        { title: locale === 'fr' ? 'À faire' : 'To do', kind: 'todo' },
        { title: locale === 'fr' ? 'En cours' : 'Doing', kind: 'doing' },
        { title: locale === 'fr' ? 'Fait' : 'Done', kind: 'done' },
      ]),
  },
  {
    id: 'minutes.assembly',
    type: 'minutes',
    name: { fr: "Procès-verbal d'assemblée", en: 'Assembly minutes' },
    description: {
      fr: 'Ordre du jour type : tour de table, retours des ateliers, décisions, questions diverses.',
      en: 'Usual agenda: round table, reports from ateliers, decisions, any other business.',
    },
    apply: (doc, { locale, today }) =>
      initMinutes(doc, {
        title: locale === 'fr' ? 'Assemblée de coordination' : 'Coordination assembly',
        date: today,
        agenda:
          locale === 'fr'
            ? ['Tour de table', 'Retours des ateliers', 'Décisions à prendre', 'Questions diverses']
            : ['Round table', 'Reports from ateliers', 'Decisions to take', 'Any other business'],
      }),
  },
  {
    id: 'minutes.meeting',
    type: 'minutes',
    name: { fr: 'Compte rendu de réunion', en: 'Meeting minutes' },
    description: {
      fr: 'Une réunion, un point à l’ordre du jour pour commencer.',
      en: 'A meeting, one agenda item to start with.',
    },
    apply: (doc, { locale, today }) =>
      initMinutes(doc, {
        title: locale === 'fr' ? 'Réunion' : 'Meeting',
        date: today,
        agenda: [locale === 'fr' ? 'Point 1' : 'Item 1'],
      }),
  },
];
