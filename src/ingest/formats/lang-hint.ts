/** ISO 639-1 codes that exports and HTML `lang` attributes use, mapped to the ISO 639-3 codes of the reports. */
const ISO_639_1_TO_3: Readonly<Record<string, string>> = {
  fr: 'fra', en: 'eng', es: 'spa', de: 'deu', it: 'ita', pt: 'por', nl: 'nld', ca: 'cat', br: 'bre',
  oc: 'oci', co: 'cos', eu: 'eus', ar: 'arb', ru: 'rus', pl: 'pol', ro: 'ron', tr: 'tur', zh: 'cmn',
};

/** A declared language ("fr", "fr-FR", "FRA") as an ISO 639-3 hint; undefined when it is not a language code. */
export function langHint(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const primary = value.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
  if (/^[a-z]{3}$/u.test(primary)) return primary;
  return ISO_639_1_TO_3[primary];
}
