import { getLocale } from '$lib/paraglide/runtime.js';

/** A `yyyy-mm-dd` date as "8 mars 2025" / "8 March 2025"; '' stays ''. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(getLocale(), { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}
