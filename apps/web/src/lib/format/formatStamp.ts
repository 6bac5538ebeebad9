import { getLocale } from '$lib/paraglide/runtime.js';

/** A moment (ms since epoch) as "3 déc., 14:05" / "3 Dec, 14:05". */
export function formatStamp(at: number): string {
  return new Intl.DateTimeFormat(getLocale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(
    new Date(at),
  );
}
