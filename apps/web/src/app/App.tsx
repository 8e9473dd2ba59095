import { Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem';
import { recentClients } from '../features/clients/recent-clients';
import { applyLanguage, chosenLanguage } from '../i18n';
import { ClinicProvider } from './clinic-context';
import { router } from './router';
import { PasswordChangePage } from './session/PasswordChangePage';
import { ReauthModal } from './session/ReauthModal';
import { SignInPage } from './session/SignInPage';
import { useSession } from './session/use-session';
import { cssVariablesResolver, theme } from './theme';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      // A refusal or a missing record does not get better by asking again.
      retry: (failures, error) =>
        failures < 2 && !(isApiProblem(error) && error.status < 500 && error.status > 0),
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <SessionGate />
      </QueryClientProvider>
    </MantineProvider>
  );
}

/** The screen follows the session: sign-in, the forced password change, or the app. */
function SessionGate() {
  const session = useSession();
  const { t } = useTranslation();

  const previous = useRef(session.status);
  useEffect(() => {
    if (session.status === 'signed-out') {
      // Nothing of the previous user stays in this tab's memory, and the next one does not
      // land on the record the last one had open (a fresh page load keeps its address).
      queryClient.clear();
      recentClients.clear();
      if (previous.current !== 'starting') void router.navigate({ to: '/', replace: true });
    }
    previous.current = session.status;
  }, [session.status]);

  const clinicLocale = session.status === 'signed-in' ? session.clinic.locale : undefined;
  useEffect(() => {
    if (clinicLocale && !chosenLanguage()) applyLanguage(clinicLocale, false);
  }, [clinicLocale]);

  switch (session.status) {
    case 'starting':
      return (
        <Center h="100vh">
          <Loader aria-label={t('loading')} />
        </Center>
      );
    case 'signed-out':
      return <SignInPage />;
    case 'password-change':
      return <PasswordChangePage forced />;
    case 'signed-in':
      return (
        <ClinicProvider me={session.me} clinic={session.clinic}>
          {/* A feature's strings arrive with the first screen that needs them (i18n/index.ts). */}
          <Suspense
            fallback={
              <Center h="100vh">
                <Loader aria-label={t('loading')} />
              </Center>
            }
          >
            <RouterProvider router={router} />
          </Suspense>
          <ReauthModal opened={session.reauthenticating} email={session.me.email} />
        </ClinicProvider>
      );
  }
}
