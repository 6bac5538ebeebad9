/** `yyyy-mm-dd` of `now` in the device's time zone (meetings are dated where they happen). */
export function todayIso(now: number): string {
  const d = new Date(now);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}
