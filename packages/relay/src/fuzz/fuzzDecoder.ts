import { decodeFrame, isTrameError } from '@trame/protocol';
import { mutateFrame, seededRandom } from './mutateFrame.js';

/** What a decoder fuzz run found. */
export interface DecoderFuzzReport {
  frames: number;
  decoded: number;
  typedErrors: number;
  /** Anything thrown that is not a TrameError: a parser bug. */
  foreignExceptions: number;
  firstForeign: string | null;
  slowestMs: number;
}

/** Runs `count` random and mutated frames through `decodeFrame` (R2: strict, typed errors). */
export function fuzzDecoder(seeds: readonly Uint8Array[], count: number, seed = 1): DecoderFuzzReport {
  const rand = seededRandom(seed);
  const report: DecoderFuzzReport = {
    frames: 0,
    decoded: 0,
    typedErrors: 0,
    foreignExceptions: 0,
    firstForeign: null,
    slowestMs: 0,
  };
  for (let i = 0; i < count; i++) {
    const input = mutateFrame(seeds, rand);
    const t = performance.now();
    try {
      decodeFrame(input);
      report.decoded += 1;
    } catch (e) {
      if (isTrameError(e)) report.typedErrors += 1;
      else {
        report.foreignExceptions += 1;
        report.firstForeign ??= `${e instanceof Error ? e.name + ': ' + e.message : String(e)} on ${Buffer.from(input).toString('hex').slice(0, 200)}`;
      }
    }
    const ms = performance.now() - t;
    if (ms > report.slowestMs) report.slowestMs = ms;
    report.frames += 1;
  }
  return report;
}
