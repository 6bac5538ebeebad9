/**
 * A name for this device in the person's device list, from the browser's user agent: the kind
 * of device and its system, in the app's language ("Téléphone Android", "Linux computer").
 */
export function deviceNameFrom(userAgent: string, locale: 'fr' | 'en'): string {
  const ua = userAgent.toLowerCase();
  const system = /android/.test(ua)
    ? 'Android'
    : /iphone|ipad|ipod/.test(ua)
      ? 'iOS'
      : /mac os x|macintosh/.test(ua)
        ? 'macOS'
        : /windows/.test(ua)
          ? 'Windows'
          : /cros/.test(ua)
            ? 'ChromeOS'
            : /linux/.test(ua)
              ? 'Linux'
              : '';
  const phone = /mobile|iphone|ipod|android(?!.*tablet)/.test(ua) && !/ipad|tablet/.test(ua);
  const tablet = /ipad|tablet/.test(ua);
  const kind =
    locale === 'fr'
      ? phone
        ? 'Téléphone'
        : tablet
          ? 'Tablette'
          : 'Ordinateur'
      : phone
        ? 'Phone'
        : tablet
          ? 'Tablet'
          : 'Computer';
  if (!system) return kind;
  return locale === 'fr' ? `${kind} ${system}` : `${system} ${kind.toLowerCase()}`;
}
