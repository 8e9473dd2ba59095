import { byLanguage } from './index';

/** The strings of the desk's screens (calendar, clients, follow-ups) in English: one chunk (see `index.ts`). */
const files = import.meta.glob<Record<string, unknown>>(
  ['./en/calendar.json', './en/clients.json', './en/followUps.json'],
  {
    eager: true,
    import: 'default',
  },
);

export const namespaces = byLanguage(files).en ?? {};
