import type { Localized } from './Locale.js';

/** One of the ateliers offered at first start (collective.md), in every interface language. */
export interface DefaultAtelier {
  key: string;
  colour: string;
  name: Localized;
  description: Localized;
}

/**
 * The eight ateliers of the first collective, offered (each can be unticked) when a collective
 * is created. French names stay French in the English interface too: they are the collective's
 * own names, not interface text; only the descriptions are translated.
 */
export const DEFAULT_ATELIERS: readonly DefaultAtelier[] = [
  {
    key: 'media',
    colour: '#c2410c',
    name: { fr: 'Média / Marketing', en: 'Média / Marketing' },
    description: {
      fr: "Recueille, vérifie et prépare l'information sur un sujet pour la presse, la radio, la télévision, le web et les réseaux sociaux.",
      en: 'Gathers, checks and prepares news on a topic for the press, radio, TV, the web and social networks.',
    },
  },
  {
    key: 'communication',
    colour: '#0369a1',
    name: { fr: 'Communication', en: 'Communication' },
    description: {
      fr: "Organise la façon dont les membres s'informent, échangent et diffusent : banderoles, tracts, cafés citoyens, lettre d'information.",
      en: 'How members get information, talk to each other and spread it: banners, leaflets, citizen cafés, a newsletter.',
    },
  },
  {
    key: 'actions',
    colour: '#b91c1c',
    name: { fr: 'Actions', en: 'Actions' },
    description: {
      fr: 'Conçoit et organise les actions, cherche leur efficacité et équilibre la prise de risque avec la protection des personnes.',
      en: 'Designs and organises actions, seeks their effectiveness, balances risk-taking with protecting the people involved.',
    },
  },
  {
    key: 'juridique',
    colour: '#4338ca',
    name: { fr: 'Juridique', en: 'Juridique' },
    description: {
      fr: 'Connaît les droits des membres, en particulier ceux des manifestants, et organise leur défense.',
      en: "Knows members' rights, protesters' rights in particular, and organises the defence of members.",
    },
  },
  {
    key: 'securite',
    colour: '#15803d',
    name: { fr: 'Sécurité', en: 'Sécurité' },
    description: {
      fr: 'Protège les personnes et les biens pendant les actions, prévient les actes malveillants, fait le lien avec la police, les pompiers et les autres services.',
      en: 'Protects people and property during actions, prevents malicious acts, liaises with police, fire brigade and other services.',
    },
  },
  {
    key: 'informatique',
    colour: '#475569',
    name: { fr: 'Informatique', en: 'Informatique' },
    description: {
      fr: 'Protège les données, crée et maintient les pages web, installe et répare les ordinateurs des membres.',
      en: "Data protection, builds and maintains web pages, installs and repairs members' computers.",
    },
  },
  {
    key: 'partenariat',
    colour: '#be185d',
    name: { fr: 'Partenariat', en: 'Partenariat' },
    description: {
      fr: "Valorise l'image et les réalisations du collectif, entretient de bonnes relations internes et mutualise le travail avec d'autres associations.",
      en: "Promotes the collective's image and achievements, keeps good internal relations, pools work with other associations.",
    },
  },
  {
    key: 'formation',
    colour: '#0f766e',
    name: { fr: 'Formation', en: 'Formation' },
    description: {
      fr: 'Forme les membres aux savoir-faire utiles au travail collectif et aux évolutions techniques.',
      en: 'Trains members in skills that help collective work and keep up with technical change.',
    },
  },
];
