import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/**
 * Replaces the generated part of `docs/benchmarks.md` (between the bench markers) and writes
 * the JSON and SVG next to it, in `docs/benchmarks/`. The hand-written analysis around the
 * markers is kept.
 */
export function writeDocs(repoRoot: string, generated: string, files: Record<string, string>): void {
  const dir = join(repoRoot, 'docs', 'benchmarks');
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const md = join(repoRoot, 'docs', 'benchmarks.md');
  const block = `${START}\n${generated}\n${END}`;
  const current = existsSync(md) ? readFileSync(md, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const a = current.indexOf(START);
  const b = current.indexOf(END);
  const next =
    a >= 0 && b > a
      ? current.slice(0, a) + block + current.slice(b + END.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(md, next);
}
