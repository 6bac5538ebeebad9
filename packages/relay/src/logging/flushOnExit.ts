const pending = new Set<() => void>();
let hooked = false;

/**
 * Runs `flush` when the process exits (including on an uncaught exception), so that lines a
 * logger holds for its next write are not lost to `process.exit()`. One `exit` listener
 * serves every logger. Returns the function that unregisters `flush`.
 */
export function flushOnExit(flush: () => void): () => void {
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const f of pending) f();
    });
  }
  pending.add(flush);
  return () => pending.delete(flush);
}
