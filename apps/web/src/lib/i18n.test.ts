import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (locale: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('message files', () => {
  it('French and English have the same keys', () => {
    const fr = Object.keys(load('fr')).sort();
    const en = Object.keys(load('en')).sort();
    expect(en).toEqual(fr);
  });

  it('every message uses the same parameters in both languages', () => {
    const fr = load('fr');
    const en = load('en');
    const params = (v: unknown): string[] => [...JSON.stringify(v).matchAll(/\{(\w+)\}/g)].map((x) => x[1]!).sort();
    for (const key of Object.keys(fr)) expect([key, params(en[key])]).toEqual([key, params(fr[key])]);
  });
});
