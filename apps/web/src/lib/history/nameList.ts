/** "Alice", "Alice et Bob", "Alice, Bob et Claire": names as a sentence, in `locale`. */
export function nameList(names: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}
