import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinicProvider } from '../../app/clinic-context';
import type { Clinic, Me } from '../../app/session/session-store';
import i18n from '../../i18n';
import { CreateFollowUpModal } from './CreateFollowUpForm';

const me = {
  id: '0193aaaa-0000-7000-8000-000000000001',
  email: 'receptie@example.nl',
  displayName: 'Fatima El Amrani',
  roles: ['receptionist'],
  disciplines: [],
  permissions: ['follow-ups:read', 'follow-ups:write', 'clients:read', 'users:directory'],
  mfaEnrolled: false,
  mfaSession: false,
  passwordChangeRequired: false,
} as unknown as Me;
const clinic = {
  id: '0193cccc-0000-7000-8000-000000000001',
  name: 'Demo Kliniek',
  timeZone: 'Europe/Amsterdam',
  locale: 'nl',
  mfaRequired: false,
  reminderLeadMinutes: 1440,
  escalationGraceHours: 48,
} as unknown as Clinic;
const client = {
  id: '0193bbbb-0000-7000-8000-000000000001',
  clientNumber: 'C-000047',
  firstName: 'Gioia',
  lastName: 'Gerritsen',
  dateOfBirth: '1988-04-12',
  status: 'active',
};
const staff = [
  {
    id: me.id,
    displayName: 'Fatima El Amrani',
    roles: ['receptionist'],
    disciplines: [],
    status: 'active',
  },
  {
    id: '0193aaaa-0000-7000-8000-000000000002',
    displayName: 'Mei Ling Chen',
    roles: ['practitioner'],
    disciplines: ['acupuncture'],
    status: 'active',
  },
];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

let posted: { body: Record<string, unknown>; key: string | null }[];
let answer: () => Response;

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  posted = [];
  answer = () =>
    json(
      {
        id: 'new-task',
        type: 'call',
        client: { id: client.id, name: 'Gioia Gerritsen', clientNumber: 'C-000047' },
      },
      201,
    );
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url, 'http://localhost');
      if (url.pathname === '/api/v1/users') return json({ data: staff, nextCursor: null });
      if (url.pathname === '/api/v1/clients') return json({ data: [client], nextCursor: null });
      if (url.pathname === '/api/v1/follow-ups' && request.method === 'POST') {
        posted.push({ body: await request.json(), key: request.headers.get('Idempotency-Key') });
        return answer();
      }
      return json({ title: 'Not Found', status: 404 }, 404);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function wrap(children: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <ClinicProvider me={me} clinic={clinic}>
          {children}
        </ClinicProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

async function pickClient(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByPlaceholderText(/Zoek op naam/), 'Gioia');
  await user.click(
    await screen.findByRole('option', { name: /Gioia Gerritsen/, hidden: true }, { timeout: 4000 }),
  );
}

describe('creating a follow-up task', { timeout: 20_000 }, () => {
  it('sends a recurring task for the reception queue at the clinic’s wall-clock time', async () => {
    const user = userEvent.setup({ delay: null });
    const onCreated = vi.fn();
    render(wrap(<CreateFollowUpModal opened onClose={() => {}} onCreated={onCreated} />));
    expect(await screen.findByRole('dialog', { name: 'Nieuwe taak' })).toBeInTheDocument();

    await pickClient(user);
    await user.selectOptions(screen.getByLabelText(/Soort/), 'Afspraak inplannen');
    fireEvent.change(screen.getByLabelText(/Datum/), { target: { value: '2026-12-08' } });
    fireEvent.change(screen.getByLabelText(/^Tijd/), { target: { value: '09:30' } });
    fireEvent.change(screen.getByLabelText(/Notitie/), {
      target: { value: '  Nieuwe afspraak na de reintroductie  ' },
    });
    await user.click(screen.getByRole('checkbox', { name: 'Herhalen' }));
    fireEvent.change(screen.getByLabelText(/Elke/), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText(/Aantal keer/), { target: { value: '6' } });
    await user.click(screen.getByRole('button', { name: 'Taak aanmaken' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(posted).toHaveLength(1);
    expect(posted[0].key).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(posted[0].body).toEqual({
      clientId: client.id,
      type: 'book-appointment',
      // 09:30 in Amsterdam in December is 08:30 UTC, whatever the browser's zone.
      dueAt: '2026-12-08T08:30:00.000Z',
      assignee: { queue: 'reception' },
      priority: 'normal',
      note: 'Nieuwe afspraak na de reintroductie',
      recurrence: { every: 2, unit: 'weeks', count: 6 },
    });
  });

  it('says what is missing at the fields and sends nothing', async () => {
    const user = userEvent.setup({ delay: null });
    render(wrap(<CreateFollowUpModal opened onClose={() => {}} onCreated={() => {}} />));
    await screen.findByRole('dialog');
    await user.click(screen.getByRole('checkbox', { name: 'Herhalen' }));
    await user.click(screen.getByRole('radio', { name: 'Tot en met datum' }));
    await user.click(screen.getByRole('button', { name: 'Taak aanmaken' }));
    expect(await screen.findByText('Kies een cliënt')).toBeInTheDocument();
    expect(screen.getByText('Vul de laatste datum in')).toBeInTheDocument();
    expect(posted).toHaveLength(0);
  });

  it('keeps what was typed and shows the API’s field problems at their fields', async () => {
    const user = userEvent.setup({ delay: null });
    answer = () =>
      json(
        {
          title: 'Bad Request',
          status: 400,
          code: 'REQUEST.INVALID_FIELDS',
          errors: [{ field: 'dueAt', message: 'must be within a year ago and five years ahead' }],
        },
        400,
      );
    const onCreated = vi.fn();
    render(wrap(<CreateFollowUpModal opened onClose={() => {}} onCreated={onCreated} />));
    await screen.findByRole('dialog');
    await pickClient(user);
    await user.selectOptions(screen.getByLabelText(/Toewijzen aan/), 'Mei Ling Chen · Behandelaar');
    fireEvent.change(screen.getByLabelText(/Notitie/), { target: { value: 'Terugbellen' } });
    await user.click(screen.getByRole('button', { name: 'Taak aanmaken' }));

    expect(
      await screen.findByText('must be within a year ago and five years ahead'),
    ).toBeInTheDocument();
    expect(posted[0].body.assignee).toEqual({ userId: staff[1].id });
    expect(screen.getByLabelText(/Notitie/)).toHaveValue('Terugbellen');
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('asks before closing with something typed, and closes at once when nothing was', async () => {
    const user = userEvent.setup({ delay: null });
    const onClose = vi.fn();
    render(wrap(<CreateFollowUpModal opened onClose={onClose} onCreated={() => {}} />));
    await screen.findByRole('dialog', { name: 'Nieuwe taak' });
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    onClose.mockClear();

    fireEvent.change(screen.getByLabelText(/Notitie/), { target: { value: 'Terugbellen' } });
    await user.keyboard('{Escape}');
    const confirm = await screen.findByRole('dialog', { name: 'Wat je invulde weggooien?' });
    expect(onClose).not.toHaveBeenCalled();
    await user.click(within(confirm).getByRole('button', { name: 'Verder invullen' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Wat je invulde weggooien?' })).toBeNull(),
    );
    expect(screen.getByLabelText(/Notitie/)).toHaveValue('Terugbellen');
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Wat je invulde weggooien?' })).getByRole(
        'button',
        { name: 'Weggooien' },
      ),
    );
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
