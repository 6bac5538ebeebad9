import type { CollectivePlan } from './CollectivePlan.js';
import { DEFAULT_ASSEMBLY } from './DEFAULT_ASSEMBLY.js';
import { DEFAULT_ATELIERS } from './DEFAULT_ATELIERS.js';
import type { Locale } from './Locale.js';

/** The plan the creation screen starts from: the assembly and all eight default ateliers. */
export function defaultCollectivePlan(locale: Locale, collectiveName = ''): CollectivePlan {
  return {
    collectiveName,
    assembly: {
      name: DEFAULT_ASSEMBLY.name[locale],
      description: DEFAULT_ASSEMBLY.description[locale],
      colour: DEFAULT_ASSEMBLY.colour,
    },
    ateliers: DEFAULT_ATELIERS.map((a) => ({
      key: a.key,
      name: a.name[locale],
      description: a.description[locale],
      colour: a.colour,
    })),
  };
}
