import { byLanguage } from './index';

/** The strings of the office's screens (reports, the clinic's administration, privacy) in Dutch: one chunk (see `index.ts`). */
const files = import.meta.glob<Record<string, unknown>>(
  ['./nl/reports.json', './nl/admin.json', './nl/privacy.json'],
  {
    eager: true,
    import: 'default',
  },
);

export const namespaces = byLanguage(files).nl ?? {};
