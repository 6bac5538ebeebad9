import { describe, expect, it } from 'vitest';
import { cacheControlFor } from './cacheControlFor.js';

describe('cacheControlFor', () => {
  it('keeps hashed assets for a year and revalidates the rest', () => {
    expect(cacheControlFor('/_app/immutable/chunks/D5RZZ9HL.js')).toBe('public, max-age=31536000, immutable');
    for (const path of [
      '/',
      '/index.html',
      '/s/abc/d/def',
      '/_app/version.json',
      '/service-worker.js',
      '/manifest.webmanifest',
    ]) {
      expect(cacheControlFor(path)).toBe('no-cache');
    }
  });
});
