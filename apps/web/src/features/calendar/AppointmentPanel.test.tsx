import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinicProvider } from '../../app/clinic-context';
import type { Clinic, Me } from '../../app/session/session-store';
import i18n from '../../i18n';
import { addDays, todayIn, zonedInstant } from '../../lib/clinic-time';
import type { StaffMember } from '../staff/queries';
import { AppointmentPanel } from './AppointmentPanel';
import type { Appointment } from './appointment-rules';
import { calendarKeys } from './queries';

const AMS = 'Europe/Amsterdam';
/** A month ahead: every time on it is still to come, whenever the tests run. */
const DAY = addDays(todayIn(AMS), 30);
const me = {
  id: 'desk',
  roles: ['receptionist'],
  permissions: ['appointments:read', 'appointments:write'],
} as unknown as Me;
const clinic = { id: 'c', name: 'Kliniek', timeZone: AMS, locale: 'en' } as unknown as Clinic;
const practitioner = (id: string, displayName: string): StaffMember => ({
  id,
  displayName,
  roles: ['practitioner'],
  disciplines: ['acupuncture'],
  status: 'active',
});
const practitioners = [practitioner('mei', 'Mei Ling Chen'), practitioner('sanne', 'Sanne Visser')];

const at = (minutes: number) => zonedInstant(DAY, minutes, AMS).toISOString();
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

/** The appointment as the API holds it; a PATCH on a stale version is refused with 412. */
let stored: Appointment;
let patches: { ifMatch: string | null; body: Record<string, string> }[];

beforeEach(async () => {
  await i18n.changeLanguage('en');
  stored = {
    id: 'a1',
    client: { id: 'c1', name: 'Anna Smit', clientNumber: 'C-000001' },
    practitioner: { id: 'mei', name: 'Mei Ling Chen' },
    type: 'acupuncture',
    startsAt: at(9 * 60),
    endsAt: at(9 * 60 + 45),
    status: 'booked',
    version: 1,
  } as Appointment;
  patches = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/appointments/a1' && request.method === 'PATCH') {
        const body = (await request.json()) as Record<string, string>;
        const ifMatch = request.headers.get('If-Match');
        patches.push({ ifMatch, body });
        if (ifMatch !== `"${stored.version}"`) {
          return json({ title: 'Precondition Failed', status: 412 }, 412);
        }
        const name = practitioners.find((p) => p.id === body.practitionerId)!.displayName;
        stored = {
          ...stored,
          ...body,
          practitioner: { id: body.practitionerId, name },
          version: stored.version + 1,
        };
        return json(stored);
      }
      if (url.pathname === '/api/v1/appointments/a1') return json(stored);
      if (url.pathname === '/api/v1/appointments') return json({ data: [], nextCursor: null });
      return json({ title: 'Not Found', status: 404 }, 404);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
}

describe('moving an appointment from its panel', { timeout: 20_000 }, () => {
  it('keeps the version the edit began from: a colleague’s change meets a 412, is shown, and the move goes through on the user’s word', async () => {
    const user = userEvent.setup({ delay: null });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // The panel links to the client's page: it needs a router around it.
    const router = createRouter({
      history: createMemoryHistory({ initialEntries: ['/'] }),
      routeTree: createRootRoute({
        component: () => (
          <AppointmentPanel
            id="a1"
            practitioners={practitioners}
            onClose={() => {}}
            onMovedTo={() => {}}
          />
        ),
      }),
    });
    render(
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <ClinicProvider me={me} clinic={clinic}>
            <RouterProvider router={router} />
          </ClinicProvider>
        </QueryClientProvider>
      </MantineProvider>,
    );
    const panel = await screen.findByRole('dialog', { name: 'Appointment' });
    await within(panel).findByText('Anna Smit');

    // The user starts moving it to 11:00 …
    await choose(user, 'Start time', '11:00');
    // … while a colleague gives it to Sanne, and the panel's refresh brings that in.
    stored = {
      ...stored,
      practitioner: { id: 'sanne', name: 'Sanne Visser' },
      version: 2,
    };
    await act(() => queryClient.refetchQueries({ queryKey: calendarKeys.one('a1') }));
    await within(panel).findByText('Sanne Visser', { selector: 'dd' });
    expect(screen.getByRole('combobox', { name: 'Start time' })).toHaveValue('11:00');

    await user.click(within(panel).getByRole('button', { name: 'Move' }));
    const conflict = await within(panel).findByRole('alert');
    expect(conflict).toHaveTextContent('Someone else changed this appointment meanwhile');
    expect(conflict).toHaveTextContent('Practitioner: now Sanne Visser');
    // Sent with the version the edit began from, not the one the refresh brought: refused.
    expect(patches).toEqual([
      { ifMatch: '"1"', body: expect.objectContaining({ practitionerId: 'mei' }) },
    ]);
    expect(stored.version).toBe(2);
    // The user's time stays; the colleague's practitioner is taken where the user chose none.
    expect(screen.getByRole('combobox', { name: 'Start time' })).toHaveValue('11:00');
    expect(screen.getByRole('combobox', { name: 'Practitioner' })).toHaveValue('Sanne Visser');

    await user.click(within(panel).getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches[1]).toEqual({
      ifMatch: '"2"',
      body: { practitionerId: 'sanne', startsAt: at(11 * 60), endsAt: at(11 * 60 + 45) },
    });
    await waitFor(() => expect(stored.version).toBe(3));
  });
});
