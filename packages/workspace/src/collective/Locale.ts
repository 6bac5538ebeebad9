/** Interface languages. French is the default: the first collective is French-speaking. */
export type Locale = 'fr' | 'en';

/** A text given in every interface language, for defaults written into new documents. */
export type Localized = Record<Locale, string>;
