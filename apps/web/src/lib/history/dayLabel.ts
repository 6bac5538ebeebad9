/**
 * The heading of a day in the history timeline: "Aujourd'hui", "Hier", else the date in
 * words ("lundi 30 novembre", with the year when it is not this year's), in `timeZone`
 * (the browser's by default).
 */
export function dayLabel(
  at: number,
  now: number,
  locale: string,
  words: { today: string; yesterday: string },
  timeZone?: string,
): string {
  const key = (t: number): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
  const day = key(at);
  if (day === key(now)) return words.today;
  // the calendar day before today, whatever the length of that day (summer time)
  const today = key(now);
  let t = now - 12 * 3_600_000;
  while (key(t) === today) t -= 3_600_000;
  if (day === key(t)) return words.yesterday;
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(at);
}
