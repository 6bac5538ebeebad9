/** A stretch of a comparison: rows to show, or a run of unchanged rows folded away. */
export type Stretch<R> = { rows: R[]; folded: false } | { rows: R[]; folded: true; at: number };

/**
 * Runs of more than `keep * 2 + 1` unchanged rows keep `keep` rows of context on each side
 * of a change and fold the rest (its first row's index in `at`, so a screen can unfold it);
 * a comparison that is all unchanged stays whole.
 */
export function collapseSame<R extends { op: string }>(rows: readonly R[], keep = 1): Array<Stretch<R>> {
  if (rows.every((r) => r.op === 'same')) return [{ rows: [...rows], folded: false }];
  const out: Array<Stretch<R>> = [];
  let i = 0;
  while (i < rows.length) {
    if (rows[i]!.op !== 'same') {
      const start = i;
      while (i < rows.length && rows[i]!.op !== 'same') i++;
      out.push({ rows: rows.slice(start, i), folded: false });
      continue;
    }
    const start = i;
    while (i < rows.length && rows[i]!.op === 'same') i++;
    const run = rows.slice(start, i);
    const head = start === 0 ? 0 : keep;
    const tail = i === rows.length ? 0 : keep;
    if (run.length <= head + tail + 1) {
      out.push({ rows: run, folded: false });
      continue;
    }
    if (head) out.push({ rows: run.slice(0, head), folded: false });
    out.push({ rows: run.slice(head, run.length - tail), folded: true, at: start + head });
    if (tail) out.push({ rows: run.slice(run.length - tail), folded: false });
  }
  return out;
}
