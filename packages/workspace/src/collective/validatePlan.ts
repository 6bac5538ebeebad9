import type { CollectivePlan } from './CollectivePlan.js';

/** Why a plan cannot be created yet; the UI maps each code to a message next to the field. */
export type PlanProblem =
  | { field: 'collectiveName'; code: 'required' | 'tooLong' }
  | { field: 'assemblyName'; code: 'required' | 'tooLong' }
  | { field: 'atelierName'; index: number; code: 'required' | 'tooLong' | 'duplicate' };

/** Longest name accepted anywhere; long enough for real names, short enough for cards. */
export const MAX_NAME_LENGTH = 80;

/** Checks a plan before anything is created; an empty list means it can go ahead. */
export function validatePlan(plan: CollectivePlan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const name = plan.collectiveName.trim();
  if (!name) problems.push({ field: 'collectiveName', code: 'required' });
  else if (name.length > MAX_NAME_LENGTH) problems.push({ field: 'collectiveName', code: 'tooLong' });
  const assembly = plan.assembly.name.trim();
  if (!assembly) problems.push({ field: 'assemblyName', code: 'required' });
  else if (assembly.length > MAX_NAME_LENGTH) problems.push({ field: 'assemblyName', code: 'tooLong' });
  const seen = new Set<string>();
  plan.ateliers.forEach((a, index) => {
    const n = a.name.trim();
    const folded = n.toLocaleLowerCase('fr');
    if (!n) problems.push({ field: 'atelierName', index, code: 'required' });
    else if (n.length > MAX_NAME_LENGTH) problems.push({ field: 'atelierName', index, code: 'tooLong' });
    else if (seen.has(folded)) problems.push({ field: 'atelierName', index, code: 'duplicate' });
    seen.add(folded);
  });
  return problems;
}
