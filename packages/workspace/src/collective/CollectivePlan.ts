import type { AtelierDraft } from './AtelierDraft.js';

/** Everything chosen on the "create the collective" screen. */
export interface CollectivePlan {
  /** The collective's own name, e.g. "Convergence Citoyenne Du Sud". */
  collectiveName: string;
  assembly: { name: string; description: string; colour: string };
  /** Ateliers to create, in display order; unticked defaults are simply absent. */
  ateliers: AtelierDraft[];
}
