import { describe, expect, it } from 'vitest';
import { authorShares } from './authorShares.js';

describe('authorShares', () => {
  it('HISTORY-2: counts each author’s characters (not spaces, not labels), largest first, unknown last on ties', () => {
    const A = 'a'.repeat(64);
    const B = 'b'.repeat(64);
    expect(
      authorShares([
        { kind: 'paragraph', level: 0, spans: [{ text: 'ab cd', author: A, marks: [] }, { text: 'x y', author: null, marks: [] }] },
        { kind: 'paragraph', level: 0, spans: [{ text: 'efghij', author: B, marks: [] }, { text: '  ', author: A, marks: [] }] },
        { kind: 'heading', level: 2, spans: [{ text: '1. ', author: null, marks: ['label'] }, { text: 'Lieu : ', author: null, marks: ['bold', 'label'] }] },
      ]),
    ).toEqual([
      { author: B, chars: 6 },
      { author: A, chars: 4 },
      { author: null, chars: 2 },
    ]);
  });
});
