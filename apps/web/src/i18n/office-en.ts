import { byLanguage } from './index';

/** The strings of the office's screens (reports, the clinic's administration, privacy) in English: one chunk (see `index.ts`). */
const files = import.meta.glob<Record<string, unknown>>(
  ['./en/reports.json', './en/admin.json', './en/privacy.json'],
  {
    eager: true,
    import: 'default',
  },
);

export const namespaces = byLanguage(files).en ?? {};
