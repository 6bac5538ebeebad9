import type { Localized } from './Locale.js';

/** Name and description of the coordination assembly proposed at first start. */
export const DEFAULT_ASSEMBLY: { name: Localized; description: Localized; colour: string } = {
  name: { fr: 'Assemblée de coordination', en: 'Coordination assembly' },
  description: {
    fr: 'Coordonne le collectif : active les ateliers, prend les décisions et reçoit les retours des ateliers.',
    en: 'Runs the collective: activates ateliers, takes decisions and hears back from the ateliers.',
  },
  colour: '#1e3a5f',
};
