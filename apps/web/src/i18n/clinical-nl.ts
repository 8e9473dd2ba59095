import { byLanguage } from './index';

/** The strings of the practitioners' screens (Today, notes, plans, outcomes) in Dutch: one chunk (see `index.ts`). */
const files = import.meta.glob<Record<string, unknown>>(
  [
    './nl/notes.json',
    './nl/plans.json',
    './nl/outcomes.json',
    './nl/acupuncture.json',
    './nl/today.json',
  ],
  {
    eager: true,
    import: 'default',
  },
);

export const namespaces = byLanguage(files).nl ?? {};
