/**
 * A file name from a title a person typed: no path separators, control or reserved characters
 * (Windows included), at most 80 characters; `fallback` when nothing is left.
 */
export function safeFileName(title: string, fallback = 'sans-titre'): string {
  const name = title
    .normalize('NFC')
    // Control characters are code points below 0x20 and 0x7f.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim();
  return name || fallback;
}
