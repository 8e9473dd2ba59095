import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinicProvider } from '../../../app/clinic-context';
import type { Clinic, Me } from '../../../app/session/session-store';
import i18n from '../../../i18n';
import type { AcupunctureContent, AcupunctureDraft, SessionNote } from '../editor';
import { AcupunctureEditor } from './AcupunctureEditor';
import { CATALOGUE, draftNote } from './test-fixtures';

// Five people share two cores here: the answers of the stubbed API can take a while to show.
configure({ asyncUtilTimeout: 5000 });

const me = {
  id: '0193aaaa-0000-7000-8000-000000000002',
  displayName: 'Mei Ling Chen',
  roles: ['practitioner'],
  disciplines: ['acupuncture'],
  permissions: ['session-notes:read', 'session-notes:write', 'acupuncture-points:read'],
} as unknown as Me;
const clinic = { id: 'c1', name: 'Demo Kliniek', timeZone: 'Europe/Amsterdam' } as Clinic;
const note = draftNote();

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

/** The client's acupuncture notes as the API lists them: newest session first. */
let earlierNotes: Partial<SessionNote>[];
let listQueries: URLSearchParams[];
let catalogueRequests: number;

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  listQueries = [];
  catalogueRequests = 0;
  earlierNotes = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/acupuncture/points') {
        catalogueRequests += 1;
        return json({ data: CATALOGUE });
      }
      if (url.pathname === `/api/v1/clients/${note.clientId}/session-notes`) {
        listQueries.push(url.searchParams);
        return json({ data: earlierNotes.map((n) => draftNote(n)), nextCursor: null });
      }
      return json({ title: 'Not Found', status: 404 }, 404);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

/** The editor as the note page holds it: every change becomes the content shown. */
function Harness(props: {
  initial: AcupunctureContent;
  errors?: Record<string, string>;
  readOnly?: boolean;
  onChange(content: AcupunctureContent): void;
}) {
  const [content, setContent] = useState(props.initial);
  return (
    <AcupunctureEditor
      note={note}
      content={content}
      onChange={(next) => {
        props.onChange(next);
        setContent(next);
      }}
      errors={props.errors ?? {}}
      readOnly={props.readOnly ?? false}
    />
  );
}

function renderEditor(
  initial: AcupunctureDraft = {},
  options: { errors?: Record<string, string>; readOnly?: boolean } = {},
) {
  const onChange = vi.fn<(content: AcupunctureContent) => void>();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <ClinicProvider me={me} clinic={clinic}>
          <Harness initial={initial as AcupunctureContent} onChange={onChange} {...options} />
        </ClinicProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  const last = () => onChange.mock.lastCall?.[0];
  return { onChange, last };
}

const search = () => screen.getByRole('combobox', { name: 'Punt zoeken' });
/** The picker's options as listed (code, pinyin, English, "gekozen"), none when it is closed. */
const options = () => {
  const list = screen.queryByRole('listbox', { name: 'Gevonden punten', hidden: true });
  if (!list) return [];
  return within(list)
    .queryAllByRole('option', { hidden: true })
    .map((option) => option.textContent);
};

/** Typing in the search as one change: what the list shows is the point, not each keystroke. */
function typeSearch(text: string) {
  fireEvent.change(search(), { target: { value: text } });
}

async function ready() {
  await waitFor(() => expect(search()).toBeEnabled());
}

describe('the acupuncture editor', { timeout: 60_000 }, () => {
  it('finds points by code, tone-less pinyin and English, on one meridian if chosen', async () => {
    const user = userEvent.setup({ delay: null });
    renderEditor();
    await ready();

    await user.type(search(), 'st3');
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(options()[0]).toMatch(/^ST3Jùliáo/);
    expect(options()[1]).toMatch(/^ST36Zúsānlǐ/);

    typeSearch('zusanli');
    await waitFor(() => expect(options()).toEqual([expect.stringMatching(/^ST36Zúsānlǐ/)]));

    typeSearch('three miles');
    await waitFor(() =>
      expect(options()).toEqual([
        expect.stringContaining('Arm Three Miles'),
        expect.stringContaining('Leg Three Miles'),
      ]),
    );

    await user.selectOptions(screen.getByLabelText('Meridiaan'), 'ST · Maag');
    await user.click(search());
    await waitFor(() => expect(options()).toEqual([expect.stringContaining('Leg Three Miles')]));

    typeSearch('qqq');
    expect(await screen.findByText(/Geen punt gevonden voor ‘qqq’/)).toBeInTheDocument();
    expect(catalogueRequests).toBe(1);
  });

  it('picks with the keyboard: Enter takes the best match, arrows move through the list', async () => {
    const user = userEvent.setup({ delay: null });
    const { last } = renderEditor({ chiefComplaint: 'Spanningshoofdpijn' });
    await ready();

    await user.type(search(), 'ST 36{Enter}');
    await waitFor(() => expect(last()?.points).toEqual([{ code: 'ST36', side: 'bilateral' }]));
    expect(search()).toHaveValue('');
    expect(screen.getByRole('status')).toHaveTextContent(
      'ST36 Zúsānlǐ (Leg Three Miles) toegevoegd.',
    );

    // Codes first (LI4, LI10, LI11), then pinyin (Lièquē, Jùliáo, Zúsānlǐ).
    await user.type(search(), 'li');
    await waitFor(() => expect(options()).toHaveLength(6));
    expect(options()[3]).toMatch(/^LU7/);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}{Enter}');
    await waitFor(() =>
      expect(last()?.points).toEqual([
        { code: 'ST36', side: 'bilateral' },
        { code: 'LI10', side: 'bilateral' },
      ]),
    );
    expect(last()?.chiefComplaint).toBe('Spanningshoofdpijn');

    const row = screen.getByRole('group', { name: /LI10/ });
    await user.click(within(row).getByRole('radio', { name: 'Links' }));
    fireEvent.change(within(row).getByRole('textbox', { name: 'Retentie van LI10 in minuten' }), {
      target: { value: '20' },
    });
    fireEvent.change(within(row).getByRole('combobox', { name: 'Techniek bij LI10' }), {
      target: { value: 'neutraal' },
    });
    await waitFor(() =>
      expect(last()?.points?.[1]).toEqual({
        code: 'LI10',
        side: 'left',
        retentionMinutes: 20,
        technique: 'neutraal',
      }),
    );

    await user.click(screen.getByRole('button', { name: 'LI10 omhoog' }));
    expect(last()?.points?.map((point) => point.code)).toEqual(['LI10', 'ST36']);
    await user.click(screen.getByRole('button', { name: 'ST36 verwijderen' }));
    expect(last()?.points?.map((point) => point.code)).toEqual(['LI10']);
    expect(search()).toHaveFocus();
  });

  it('refuses a point picked twice and says where it already is', async () => {
    const user = userEvent.setup({ delay: null });
    const { onChange } = renderEditor({
      points: [
        { code: 'LI4', side: 'left' },
        { code: 'ST36', side: 'bilateral', retentionMinutes: 20 },
      ],
    });
    await ready();
    expect(
      within(screen.getByRole('list', { name: 'Gekozen punten' })).getAllByRole('listitem'),
    ).toHaveLength(2);

    await user.type(search(), 'zusanli');
    await waitFor(() => expect(options()[0]).toMatch(/ST36.*gekozen$/));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('status')).toHaveTextContent('ST36 staat al in de lijst (punt 2).');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('copies the points of the last signed session, after those already picked', async () => {
    earlierNotes = [
      // This note itself and another draft are not "last session".
      { id: note.id, status: 'draft', sessionDate: '2026-12-05' },
      {
        id: 'other-draft',
        status: 'draft',
        sessionDate: '2026-12-01',
        content: { chiefComplaint: 'x', points: [{ code: 'GV20', side: 'bilateral' }] },
      },
      {
        id: 'signed-1',
        status: 'signed',
        sessionDate: '2026-11-28',
        content: {
          chiefComplaint: 'Hoofdpijn',
          points: [
            { code: 'LI4', side: 'bilateral', technique: 'sederend', retentionMinutes: 25 },
            { code: 'LR3', side: 'left', retentionMinutes: 25 },
            { code: 'SP6', side: 'right' },
          ],
        },
      },
      {
        id: 'signed-0',
        status: 'signed',
        sessionDate: '2026-11-21',
        content: { chiefComplaint: 'x', points: [{ code: 'LU7', side: 'left' }] },
      },
    ];
    const user = userEvent.setup({ delay: null });
    const { last } = renderEditor({ points: [{ code: 'SP6', side: 'bilateral' }] });

    const copy = await screen.findByRole('button', {
      name: 'Neem de 3 punten van 28-11-2026 over',
    });
    expect(listQueries[0].get('discipline')).toBe('acupuncture');
    expect(listQueries[0].get('to')).toBe(note.sessionDate);
    await user.click(copy);

    expect(last()?.points).toEqual([
      { code: 'SP6', side: 'bilateral' },
      { code: 'LI4', side: 'bilateral', technique: 'sederend', retentionMinutes: 25 },
      { code: 'LR3', side: 'left', retentionMinutes: 25 },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(
      '2 punten van 28-11-2026 toegevoegd. Stonden er al, dus niet nog eens toegevoegd: SP6.',
    );
  });

  it('says so when there is no earlier signed session to copy from', async () => {
    earlierNotes = [{ id: 'draft', status: 'draft', sessionDate: '2026-12-01' }];
    renderEditor();
    expect(
      await screen.findByText('Geen eerdere ondertekende sessie met punten om over te nemen.'),
    ).toBeInTheDocument();
  });

  it('removes any entry of a list by keyboard, from its named × button, and gives the field focus', async () => {
    const user = userEvent.setup({ delay: null });
    const { last } = renderEditor({
      patterns: ['Lever-qi-stagnatie', 'Milt-qi-deficiëntie', 'Bloedstase'],
    });
    await ready();

    const remove = screen.getByRole('button', { name: 'Milt-qi-deficiëntie verwijderen' });
    remove.focus();
    await user.keyboard('{Enter}');
    expect(last()).toEqual({ patterns: ['Lever-qi-stagnatie', 'Bloedstase'] });
    expect(screen.getByRole('combobox', { name: 'Patronen' })).toHaveFocus();
    // The others stay reachable with Tab.
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Bloedstase verwijderen' })).toHaveFocus();
  });

  it('sends no empty strings or lists: an emptied field is left out', async () => {
    const user = userEvent.setup({ delay: null });
    const { last } = renderEditor({
      chiefComplaint: 'Hoofdpijn',
      tongue: { coating: 'dun wit' },
      patterns: ['Lever-qi-stagnatie'],
    });
    await ready();

    await user.clear(screen.getByRole('textbox', { name: /Hoofdklacht/ }));
    expect(last()).toEqual({ tongue: { coating: 'dun wit' }, patterns: ['Lever-qi-stagnatie'] });

    await user.clear(screen.getByRole('combobox', { name: 'Beslag' }));
    expect(last()).toEqual({ patterns: ['Lever-qi-stagnatie'] });

    await user.click(screen.getByRole('combobox', { name: 'Patronen' }));
    await user.keyboard('{Backspace}');
    expect(last()).toEqual({});

    await user.type(
      screen.getByRole('combobox', { name: 'Linkerpols, Guan' }),
      'snaarvormig{Enter}',
    );
    await user.click(screen.getByRole('checkbox', { name: 'Moxa' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Frequentie (slagen/min)' }), {
      target: { value: '72' },
    });
    expect(last()).toEqual({
      pulse: { left: { guan: ['snaarvormig'] }, rate: 72 },
      adjuncts: ['moxibustion'],
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Frequentie (slagen/min)' }), {
      target: { value: '' },
    });
    expect(last()).toEqual({
      pulse: { left: { guan: ['snaarvormig'] } },
      adjuncts: ['moxibustion'],
    });
  });

  it('shows each API error at its field, a point’s at its row', async () => {
    renderEditor(
      {
        chiefComplaint: 'Hoofdpijn',
        points: [
          { code: 'LI4', side: 'left' },
          { code: 'ST99', side: 'bilateral' },
        ],
      },
      {
        errors: {
          'points[1].code': 'is not a WHO acupuncture point',
          'tongue.coating': 'must be shorter than or equal to 200 characters',
          'pulse.rate': 'must not be greater than 250',
        },
      },
    );
    await ready();
    const rows = within(screen.getByRole('list', { name: 'Gekozen punten' })).getAllByRole('group');
    expect(within(rows[1]).getByText('is not a WHO acupuncture point')).toBeInTheDocument();
    expect(within(rows[0]).queryByText('is not a WHO acupuncture point')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Beslag' })).toHaveAccessibleDescription(
      /must be shorter than or equal to 200 characters/,
    );
    expect(
      screen.getByRole('textbox', { name: 'Frequentie (slagen/min)' }),
    ).toHaveAccessibleDescription(/must not be greater than 250/);
  });

  it('reads as a summary when the note is signed', async () => {
    renderEditor(
      {
        chiefComplaint: 'Spanningshoofdpijn',
        pulse: { rate: 68, left: { guan: ['snaarvormig'] } },
        points: [
          { code: 'ST36', side: 'bilateral', technique: 'neutraal', retentionMinutes: 20 },
          { code: 'LI4', side: 'left' },
        ],
        adjuncts: ['cupping'],
      },
      { readOnly: true },
    );
    expect(
      await screen.findByText('ST36 Zúsānlǐ (Leg Three Miles) — beiderzijds, neutraal, 20 min'),
    ).toBeInTheDocument();
    expect(screen.getByText('LI4 Hégǔ (Union Valley) — links')).toBeInTheDocument();
    expect(screen.getByText('68 slagen/min')).toBeInTheDocument();
    expect(screen.getByText('Cupping')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(listQueries).toHaveLength(0);
  });
});
