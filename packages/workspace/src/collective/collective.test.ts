import { describe, expect, it } from 'vitest';
import { ATELIER_COLOURS } from './ATELIER_COLOURS.js';
import { DEFAULT_ATELIERS } from './DEFAULT_ATELIERS.js';
import { defaultCollectivePlan } from './defaultCollectivePlan.js';
import { validatePlan } from './validatePlan.js';

describe('collective defaults', () => {
  it('offers the assembly and the eight ateliers of the collective, in French', () => {
    const plan = defaultCollectivePlan('fr', 'Convergence Citoyenne Du Sud');
    expect(plan.assembly.name).toBe('Assemblée de coordination');
    expect(plan.ateliers.map((a) => a.name)).toEqual([
      'Média / Marketing',
      'Communication',
      'Actions',
      'Juridique',
      'Sécurité',
      'Informatique',
      'Partenariat',
      'Formation',
    ]);
    expect(plan.ateliers.every((a) => a.description.length > 20)).toBe(true);
    expect(validatePlan(plan)).toEqual([]);
  });

  it('keeps the French atelier names in English but translates descriptions', () => {
    const en = defaultCollectivePlan('en');
    expect(en.ateliers[3]!.name).toBe('Juridique');
    expect(en.ateliers[3]!.description).toMatch(/rights/);
    expect(en.assembly.name).toBe('Coordination assembly');
  });

  it('gives every default atelier a distinct colour from the palette', () => {
    const colours = DEFAULT_ATELIERS.map((a) => a.colour);
    expect(new Set(colours).size).toBe(8);
    for (const c of colours) expect(ATELIER_COLOURS).toContain(c);
  });

  it('reports missing, over-long and duplicate names', () => {
    const plan = defaultCollectivePlan('fr', '');
    plan.assembly.name = ' ';
    plan.ateliers[1]!.name = 'média / marketing ';
    plan.ateliers[2]!.name = 'x'.repeat(81);
    expect(validatePlan(plan)).toEqual([
      { field: 'collectiveName', code: 'required' },
      { field: 'assemblyName', code: 'required' },
      { field: 'atelierName', index: 1, code: 'duplicate' },
      { field: 'atelierName', index: 2, code: 'tooLong' },
    ]);
  });

  it('allows a collective with no atelier at all (all unticked)', () => {
    const plan = { ...defaultCollectivePlan('fr', 'CCDS'), ateliers: [] };
    expect(validatePlan(plan)).toEqual([]);
  });
});
