/** Whether a value is a `yyyy-mm-dd` date as cards store their due date. */
export function isDueDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
}
