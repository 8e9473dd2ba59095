import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** BCP 47 tags for Intl: Dutch dates read `dd-mm-jjjj`, English ones `dd/mm/yyyy`. */
export const LOCALE_OF: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * The strings every screen needs from the first paint (the shell, sign-in, errors), in both
 * languages. A feature's own strings (`nl/calendar.json`) load with its screens instead (see
 * FEATURE_GROUPS): the first screen carries no feature's words, nor a language the user does
 * not read. A component declares every namespace it reads (`useTranslation(['clients',
 * 'plans'])`), so that it waits for their strings.
 */
export const CORE_NAMESPACES = ['common', 'session', 'ui'];

const coreFiles = import.meta.glob<Record<string, unknown>>(
  ['./*/common.json', './*/session.json', './*/ui.json'],
  { eager: true, import: 'default' },
);

/** `{ nl: { common: {...} } }` from files found by name (`…/nl/common.json`). */
export function byLanguage(
  files: Record<string, Record<string, unknown>>,
): Record<string, Record<string, Record<string, unknown>>> {
  const found: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, strings] of Object.entries(files)) {
    const [, language, file] = path.match(/\/(\w+)\/([\w-]+)\.json$/) ?? [];
    if (!language) continue;
    (found[language] ??= {})[file] = strings;
  }
  return found;
}

const resources = byLanguage(coreFiles);

/** The desk's screens, the practitioners', and the managers' and admins'. */
type Group = 'desk' | 'clinical' | 'office';

type Strings = Promise<{ namespaces: Record<string, Record<string, unknown>> }>;

/**
 * Where each feature's strings are: the desk's screens, the practitioners' screens and the
 * office's (reports, administration, privacy) are a chunk each per language, so reception never
 * loads the clinical screens' words (PHQ-9's items, the point picker's) and a feature screen
 * loads one chunk at most. A namespace not listed
 * here is a mistake the i18n test catches.
 */
export const FEATURE_GROUPS: Record<string, Group> = {
  calendar: 'desk',
  clients: 'desk',
  followUps: 'desk',
  notes: 'clinical',
  plans: 'clinical',
  outcomes: 'clinical',
  acupuncture: 'clinical',
  today: 'clinical',
  reports: 'office',
  admin: 'office',
  privacy: 'office',
};

const CHUNKS: Record<string, Record<Group, () => Strings>> = {
  nl: {
    desk: () => import('./desk-nl'),
    clinical: () => import('./clinical-nl'),
    office: () => import('./office-nl'),
  },
  en: {
    desk: () => import('./desk-en'),
    clinical: () => import('./clinical-en'),
    office: () => import('./office-en'),
  },
};

/** i18next's loader for a feature's namespace: its chunk in the language, fetched once. */
const featureStrings = {
  type: 'backend' as const,
  init: () => undefined,
  read(
    language: string,
    namespace: string,
    callback: (error: unknown, strings: Record<string, unknown> | null) => void,
  ) {
    const chunks = CHUNKS[language] ?? CHUNKS.nl;
    chunks[FEATURE_GROUPS[namespace] ?? 'desk']().then(
      ({ namespaces }) => {
        // The chunk's other namespaces are here too: a screen of the group reads them at once.
        for (const [other, strings] of Object.entries(namespaces)) {
          if (other !== namespace && !i18next.hasResourceBundle(language, other)) {
            i18next.addResourceBundle(language, other, strings);
          }
        }
        callback(null, namespaces[namespace] ?? {});
      },
      (error: unknown) => callback(error, null),
    );
  },
};

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

void i18next
  .use(featureStrings)
  .use(initReactI18next)
  .init({
    resources,
    partialBundledLanguages: true,
    lng: initialLanguage(),
    fallbackLng: 'nl',
    ns: CORE_NAMESPACES,
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
