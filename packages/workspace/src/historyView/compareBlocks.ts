import { diffArrays, diffWordsWithSpace } from 'diff';
import type { AuthoredBlock, BlockKind } from './AuthoredBlock.js';
import { blockText } from './blockText.js';

/** A piece of a compared block: kept, added or removed. */
export interface DiffPart {
  text: string;
  op: 'same' | 'added' | 'removed';
}

/** One block of the comparison of two versions. */
export interface DiffRow {
  /** `changed`: the block is in both, its text edited (see `parts`). */
  op: 'same' | 'added' | 'removed' | 'changed';
  kind: BlockKind;
  level: number;
  checked?: boolean;
  number?: number;
  parts: DiffPart[];
}

/** What changed between two versions, counted in blocks. */
export interface Comparison {
  rows: DiffRow[];
  added: number;
  removed: number;
  changed: number;
}

/** Below this share of kept characters, an edited block shows as removed + added. */
const SIMILAR = 0.4;

/** How many removed blocks an added one is compared with (keeps big rewrites fast). */
const LOOK_AHEAD = 8;

const keyOf = (b: AuthoredBlock): string => `${b.kind}\u0000${b.level}\u0000${b.checked ?? ''}\u0000${blockText(b)}`;

/**
 * HISTORY-2: the comparison of two versions of a document or minutes (blocks from
 * documentAuthorship / minutesAuthorship): blocks matched with jsdiff's array diff, and where a
 * run of removed blocks meets a run of added ones, pairs that still look alike (≥ 40 % of their
 * characters kept) show as one edited block with the words added and removed inside it.
 */
export function compareBlocks(before: readonly AuthoredBlock[], after: readonly AuthoredBlock[]): Comparison {
  const rows: DiffRow[] = [];
  const changes = diffArrays(before.map(keyOf), after.map(keyOf));
  let i = 0;
  let j = 0;
  let k = 0;
  while (k < changes.length) {
    const c = changes[k]!;
    if (!c.added && !c.removed) {
      for (let n = 0; n < c.count; n++) rows.push(whole(after[j++]!, 'same'));
      i += c.count;
      k++;
      continue;
    }
    // a run of removals and additions (in either order), paired where alike
    const removed: AuthoredBlock[] = [];
    const added: AuthoredBlock[] = [];
    while (k < changes.length && (changes[k]!.added || changes[k]!.removed)) {
      const d = changes[k]!;
      for (let n = 0; n < d.count; n++) {
        if (d.removed) removed.push(before[i++]!);
        else added.push(after[j++]!);
      }
      k++;
    }
    rows.push(...pairRuns(removed, added));
  }
  return {
    rows,
    added: rows.filter((r) => r.op === 'added').length,
    removed: rows.filter((r) => r.op === 'removed').length,
    changed: rows.filter((r) => r.op === 'changed').length,
  };
}

function whole(b: AuthoredBlock, op: 'same' | 'added' | 'removed'): DiffRow {
  return { ...shape(b), op, parts: [{ text: blockText(b), op }] };
}

function shape(b: AuthoredBlock): Pick<DiffRow, 'kind' | 'level' | 'checked' | 'number'> {
  return {
    kind: b.kind,
    level: b.level,
    ...(b.checked === undefined ? {} : { checked: b.checked }),
    ...(b.number === undefined ? {} : { number: b.number }),
  };
}

/**
 * Removed and added blocks in document order: alike pairs (greedy, in order) merged into one
 * edited block; between two pairs, removals come before additions.
 */
function pairRuns(removed: AuthoredBlock[], added: AuthoredBlock[]): DiffRow[] {
  const out: DiffRow[] = [];
  let r = 0;
  let a = 0;
  for (let y = 0; y < added.length; y++) {
    for (let x = r; x < Math.min(removed.length, r + LOOK_AHEAD); x++) {
      const edited = editOf(removed[x]!, added[y]!);
      if (!edited) continue;
      for (; r < x; r++) out.push(whole(removed[r]!, 'removed'));
      for (; a < y; a++) out.push(whole(added[a]!, 'added'));
      out.push(edited);
      r = x + 1;
      a = y + 1;
      break;
    }
  }
  for (; r < removed.length; r++) out.push(whole(removed[r]!, 'removed'));
  for (; a < added.length; a++) out.push(whole(added[a]!, 'added'));
  return out;
}

function editOf(before: AuthoredBlock, after: AuthoredBlock): DiffRow | null {
  if (before.kind !== after.kind && !(isTextual(before.kind) && isTextual(after.kind))) return null;
  const a = blockText(before);
  const b = blockText(after);
  const parts: DiffPart[] = diffWordsWithSpace(a, b).map((p) => ({
    text: p.value,
    op: p.added ? 'added' : p.removed ? 'removed' : 'same',
  }));
  const kept = parts.filter((p) => p.op === 'same').reduce((n, p) => n + p.text.length, 0);
  const longest = Math.max(a.length, b.length);
  if (longest > 0 && kept / longest < SIMILAR) return null;
  return { ...shape(after), op: 'changed', parts };
}

function isTextual(kind: BlockKind): boolean {
  return kind !== 'rule' && kind !== 'row';
}
