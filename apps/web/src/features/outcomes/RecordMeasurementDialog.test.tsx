import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinicProvider } from '../../app/clinic-context';
import type { Clinic, Me } from '../../app/session/session-store';
import i18n from '../../i18n';
import { todayIn } from '../../lib/clinic-time';
import { RecordMeasurementDialog } from './RecordMeasurementDialog';
import { CATALOG, measurement } from './test-fixtures';

const CLIENT_ID = '0193bbbb-0000-7000-8000-000000000001';
const me = {
  id: '0193aaaa-0000-7000-8000-000000000002',
  displayName: 'Sanne de Vries',
  roles: ['practitioner'],
  disciplines: ['psychology'],
  // No plans, no follow-ups: what the role may not read is not asked for.
  permissions: ['instruments:read', 'measurements:read', 'measurements:write'],
} as unknown as Me;
const clinic = {
  id: 'c1',
  name: 'Demo',
  timeZone: 'Europe/Amsterdam',
  locale: 'nl',
} as unknown as Clinic;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

let posted: { body: Record<string, unknown>; key: string | null }[];
let requested: string[];
let answers: Response[];

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  posted = [];
  requested = [];
  answers = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      requested.push(`${request.method} ${url.pathname}`);
      if (url.pathname === '/api/v1/instruments') return json({ data: CATALOG });
      if (
        url.pathname === `/api/v1/clients/${CLIENT_ID}/measurements` &&
        request.method === 'POST'
      ) {
        posted.push({ body: await request.json(), key: request.headers.get('Idempotency-Key') });
        return answers.shift()!;
      }
      return json({ title: 'Not Found', status: 404 }, 404);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

/** The dialog as the tab shows it; the result links to follow-ups, so a router is around it. */
function wrap(children: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createRouter({
    history: createMemoryHistory({ initialEntries: ['/'] }),
    routeTree: createRootRoute({ component: () => children }),
  });
  return (
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <ClinicProvider me={me} clinic={clinic}>
          <RouterProvider router={router} />
        </ClinicProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

/** PHQ-9's item `n` (1-based) as a screen reader finds it: a group named by its question. */
const item = (n: number) => screen.getByRole('group', { name: new RegExp(`^${n}\\. `) });

describe('recording a PHQ-9', { timeout: 30_000 }, () => {
  it('sends the answers item by item, keeps them when the API refuses item 9, and shows the server’s score and the urgent follow-up', async () => {
    const user = userEvent.setup({ delay: null });
    const saved = measurement('PHQ-9', todayIn('Europe/Amsterdam'), 11, {
      band: 'moderate',
      flags: ['self-harm-risk'],
      answers: [1, 2, 1, 1, 2, 1, 1, 1, 1],
    });
    answers.push(
      json(
        {
          title: 'Bad Request',
          status: 400,
          code: 'REQUEST.INVALID_FIELDS',
          errors: [{ field: 'answers[8]', message: 'answers[8] must be an integer from 0 to 3' }],
        },
        400,
      ),
      json(saved, 201),
    );
    render(
      wrap(
        <RecordMeasurementDialog
          clientId={CLIENT_ID}
          clientName="Anna Smit"
          opened
          onClose={() => {}}
        />,
      ),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Meting vastleggen voor Anna Smit' });
    await user.selectOptions(
      await within(dialog).findByLabelText(/Meetinstrument/),
      'PHQ-9 · Depressieve klachten',
    );
    expect(within(dialog).getByLabelText(/Afgenomen op/)).toHaveValue(todayIn('Europe/Amsterdam'));

    // Saving with nothing answered names every item and sends nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(within(dialog).getAllByText('Beantwoord deze vraag.')).toHaveLength(9);
    expect(posted).toHaveLength(0);
    // Focus went to the first item that needs an answer.
    expect(document.activeElement).toBe(within(item(1)).getAllByRole('radio')[0]);

    const chosen = [1, 2, 1, 1, 2, 1, 1, 1, 1];
    const words = [
      'Helemaal niet',
      'Meerdere dagen',
      'Meer dan de helft van de dagen',
      'Bijna elke dag',
    ];
    for (const [index, value] of chosen.entries()) {
      await user.click(within(item(index + 1)).getByRole('radio', { name: words[value] }));
    }
    expect(screen.queryByText('Beantwoord deze vraag.')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0].body).toEqual({
      instrument: 'PHQ-9',
      takenOn: todayIn('Europe/Amsterdam'),
      answers: chosen,
    });
    // The refusal of item 9 is told at item 9, in Dutch; every answer is still there.
    expect(
      await within(item(9)).findByText('Kies een van de antwoorden (0 tot 3).'),
    ).toBeInTheDocument();
    expect(
      within(item(2)).getByRole('radio', { name: 'Meer dan de helft van de dagen' }),
    ).toBeChecked();
    expect(within(item(9)).getByRole('radio', { name: 'Meerdere dagen' })).toBeChecked();

    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(posted).toHaveLength(2));
    // The same body again is the same request: it keeps its Idempotency-Key.
    expect(posted[1].key).toBe(posted[0].key);

    expect(
      await within(dialog).findByRole('heading', { name: /PHQ-9 van .* opgeslagen/ }),
    ).toHaveFocus();
    expect(within(dialog).getByText('11')).toBeInTheDocument();
    expect(within(dialog).getByText('Matig')).toBeInTheDocument();
    expect(within(dialog).getByText('Risico op zelfbeschadiging (vraag 9)')).toBeInTheDocument();
    const alert = within(dialog).getByRole('alert');
    expect(within(alert).getByText('Urgente opvolging aangemaakt')).toBeInTheDocument();
    // Without follow-ups:read the task itself is not looked up.
    expect(requested.filter((line) => line.includes('/follow-ups'))).toEqual([]);
    expect(requested.filter((line) => line.includes('treatment-plans'))).toEqual([]);
  });

  it('records a clinic scale’s value with its unit, and refuses a day after today at its field', async () => {
    const user = userEvent.setup({ delay: null });
    answers.push(json(measurement('WEIGHT', '2026-11-01', 81.5), 201));
    render(
      wrap(
        <RecordMeasurementDialog
          clientId={CLIENT_ID}
          clientName="Anna Smit"
          opened
          onClose={() => {}}
        />,
      ),
    );
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(
      await within(dialog).findByLabelText(/Meetinstrument/),
      'Gewicht (kg)',
    );
    const value = within(dialog).getByLabelText(/Waarde \(kg\)/);
    await user.type(value, '81,5');
    fireEvent.change(within(dialog).getByLabelText(/Afgenomen op/), {
      target: { value: '2999-01-01' },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(
      await within(dialog).findByText('De dag van afname kan niet na vandaag liggen.'),
    ).toBeInTheDocument();
    expect(posted).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/Afgenomen op/), {
      target: { value: '2026-11-01' },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0].body).toEqual({ instrument: 'WEIGHT', takenOn: '2026-11-01', value: 81.5 });
    expect(await within(dialog).findByText('81,5 kg')).toBeInTheDocument();
  });
});
