import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ClinicProvider } from '../../app/clinic-context';
import type { Clinic, Me } from '../../app/session/session-store';
import i18n from '../../i18n';

export const RECEPTION: Me = {
  id: '01900000-0000-7000-8000-000000000001',
  email: 'receptie@example.nl',
  displayName: 'Fatima El Amrani',
  roles: ['receptionist'],
  disciplines: [],
  clinic: { id: '01900000-0000-7000-8000-0000000000c1', name: 'Demo Kliniek' },
  mfaEnrolled: false,
  mfaSession: false,
  permissions: ['clients:read', 'clients:write', 'consents:read', 'consents:write'],
} as unknown as Me;

export const CLINIC: Clinic = {
  id: '01900000-0000-7000-8000-0000000000c1',
  name: 'Demo Kliniek',
  timeZone: 'Europe/Amsterdam',
  locale: 'nl',
  mfaRequired: false,
  reminderLeadMinutes: 1440,
  escalationGraceHours: 24,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
};

/** Renders `ui` as the app would: Mantine, a fresh query client, the clinic and a language. */
export async function renderInClinic(ui: ReactElement, language: 'nl' | 'en' = 'nl') {
  await i18n.changeLanguage(language);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <ClinicProvider me={RECEPTION} clinic={CLINIC}>
          {ui}
        </ClinicProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** An answer as openapi-fetch gives it: the body as data, or as error for a failed status. */
export function answer(status: number, body: unknown) {
  const response = new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    },
  });
  return status >= 400 ? { error: body, response } : { data: body, response };
}
