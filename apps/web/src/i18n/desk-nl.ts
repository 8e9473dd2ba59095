import { byLanguage } from './index';

/** The strings of the desk's screens (calendar, clients, follow-ups) in Dutch: one chunk (see `index.ts`). */
const files = import.meta.glob<Record<string, unknown>>(
  ['./nl/calendar.json', './nl/clients.json', './nl/followUps.json'],
  {
    eager: true,
    import: 'default',
  },
);

export const namespaces = byLanguage(files).nl ?? {};
