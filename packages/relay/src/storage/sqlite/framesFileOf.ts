/** The frames file beside a relay database `file` (ADR 0009): `trame.sqlite` → `trame.sqlite-frames`. */
export function framesFileOf(file: string): string {
  return `${file}-frames`;
}
