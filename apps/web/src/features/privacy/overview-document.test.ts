import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { clinicFormat } from '../../lib/format';
import { overviewFile } from './overview-file';
import { overviewRows } from './overview-rows';
import type { AccessOverview } from './queries';

const entry: AccessOverview['entries'][number] = {
  occurredAt: '2026-12-07T13:02:00.000Z',
  actor: { id: 'u1', name: 'Sanne de Vries', roles: ['practitioner'] },
  action: 'read',
  dataCategory: 'session-note',
  noteDiscipline: null,
  purpose: 'treatment',
  breakGlass: false,
  outcome: 'success',
};

describe('the client’s access overview', () => {
  it('says each access in the client’s language, on the clinic’s clock', () => {
    const en = overviewRows([entry], i18n.getFixedT('en'), clinicFormat('en', 'Europe/Amsterdam'));
    expect(en).toEqual([
      {
        when: '7 Dec 2026, 14:02',
        who: 'Sanne de Vries (practitioner)',
        what: 'viewed',
        data: 'session note',
        purpose: 'treatment',
        breakGlass: false,
      },
    ]);
    const [nl] = overviewRows(
      [
        {
          ...entry,
          action: 'break-glass',
          purpose: 'break-glass',
          breakGlass: true,
          outcome: 'denied',
        },
      ],
      i18n.getFixedT('nl'),
      clinicFormat('nl', 'Europe/Amsterdam'),
    );
    expect(nl).toMatchObject({
      who: 'Sanne de Vries (behandelaar)',
      what: 'noodtoegang geopend (geweigerd)',
      purpose: 'noodtoegang',
      breakGlass: true,
    });
  });

  it('names the discipline of a note, in the client’s language', () => {
    const psychology = { ...entry, noteDiscipline: 'psychology' as const };
    const [en] = overviewRows(
      [psychology],
      i18n.getFixedT('en'),
      clinicFormat('en', 'Europe/Amsterdam'),
    );
    expect(en.data).toBe('psychology session note');
    const [nl] = overviewRows(
      [{ ...psychology, dataCategory: 'session-note-addendum' }],
      i18n.getFixedT('nl'),
      clinicFormat('nl', 'Europe/Amsterdam'),
    );
    expect(nl.data).toBe('aanvulling op een sessieverslag psychologie');
  });

  it('names nobody by id: a user without a name is an unknown colleague', () => {
    const [row] = overviewRows(
      [{ ...entry, actor: { id: 'u2', name: null, roles: [] } }],
      i18n.getFixedT('nl'),
      clinicFormat('nl', 'Europe/Amsterdam'),
    );
    expect(row.who).toBe('Onbekende medewerker');
  });

  it('downloads as one HTML file with its own style, in the document’s language, without script', () => {
    const file = overviewFile('<article><h1>Wie</h1></article>', 'Overzicht <C-000123>', 'en');
    expect(file).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(file).toContain('<title>Overzicht &lt;C-000123&gt;</title>');
    expect(file).toContain('<style>');
    expect(file).toContain('<body><article><h1>Wie</h1></article></body>');
    expect(file).not.toMatch(/<script|<link|src=/);
  });
});
