import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** BCP 47 tags for Intl: Dutch dates read `dd-mm-jjjj`, English ones `dd/mm/yyyy`. */
export const LOCALE_OF: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * Every namespace's strings in both languages, found by file name (`nl/calendar.json`), so a
 * feature adds its own file and nothing else changes.
 */
const files = import.meta.glob<Record<string, unknown>>('./*/*.json', {
  eager: true,
  import: 'default',
});
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, strings] of Object.entries(files)) {
  const [, language, file] = path.match(/^\.\/(\w+)\/([\w-]+)\.json$/) ?? [];
  if (!language) continue;
  (resources[language] ??= {})[file] = strings;
}
export const NAMESPACES = Object.keys(resources.nl ?? {});

/** The user's own choice of language, kept on this device (it is not personal data). */
const CHOICE_KEY = 'meridian.language';

export function chosenLanguage(): Language | null {
  const stored = globalThis.localStorage?.getItem(CHOICE_KEY);
  return LANGUAGES.includes(stored as Language) ? (stored as Language) : null;
}

/** Before sign-in the browser's language decides; after it the clinic's, unless the user chose. */
function initialLanguage(): Language {
  const chosen = chosenLanguage();
  if (chosen) return chosen;
  return globalThis.navigator?.language?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'nl',
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function currentLanguage(): Language {
  return (LANGUAGES.includes(i18next.language as Language) ? i18next.language : 'nl') as Language;
}

export function applyLanguage(language: Language, remember: boolean): void {
  if (remember) globalThis.localStorage?.setItem(CHOICE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export default i18next;
