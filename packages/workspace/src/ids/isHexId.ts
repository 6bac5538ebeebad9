/** Whether `s` is a 16-byte id in hex, as used in routes; guards against junk in URLs. */
export function isHexId(s: string): boolean {
  return /^[0-9a-f]{32}$/.test(s);
}
