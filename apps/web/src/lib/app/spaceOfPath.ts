const SPACE_PATH = /^\/s\/([0-9a-f]{32})(?:\/|$)/;

/**
 * The space the screen at `path` opens first: the home's assembly for `/`, the space of any
 * `/s/<space>/…` page; null elsewhere (welcome, settings, join…).
 */
export function spaceOfPath(path: string, homeAssemblyId: string | null): string | null {
  if (path === '/') return homeAssemblyId;
  return SPACE_PATH.exec(path)?.[1] ?? null;
}
