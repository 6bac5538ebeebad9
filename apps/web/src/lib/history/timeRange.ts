/** "14:05 – 14:50" (or "14:05" when both are the same minute), in `timeZone`. */
export function timeRange(start: number, end: number, locale: string, timeZone?: string): string {
  const f = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const a = f.format(start);
  const b = f.format(end);
  return a === b ? a : `${a} – ${b}`;
}
