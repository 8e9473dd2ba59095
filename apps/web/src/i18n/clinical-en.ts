import { byLanguage } from './index';

/** The strings of the practitioners' screens (Today, notes, plans, outcomes) in English: one chunk (see `index.ts`). */
const files = import.meta.glob<Record<string, unknown>>(
  [
    './en/notes.json',
    './en/plans.json',
    './en/outcomes.json',
    './en/acupuncture.json',
    './en/today.json',
  ],
  {
    eager: true,
    import: 'default',
  },
);

export const namespaces = byLanguage(files).en ?? {};
