/** Absolute time in ms with sub-ms precision, comparable across worker threads. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}
