import type { AuthoredSpan } from './AuthoredBlock.js';
import { pushSpan } from './pushSpan.js';

/** Runs cut at line breaks: one list of runs per line (empty lines kept as empty lists). */
export function splitLines(spans: readonly AuthoredSpan[]): AuthoredSpan[][] {
  const lines: AuthoredSpan[][] = [[]];
  for (const s of spans) {
    s.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      pushSpan(lines[lines.length - 1]!, { ...s, text: part });
    });
  }
  return lines;
}
