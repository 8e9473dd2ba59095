import { Stack, Tabs } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import type { ClientSearch } from '../../app/router';
import { QueryState } from '../../ui/QueryState';
import { AppointmentsTab } from './AppointmentsTab';
import { CareTeamTab } from './CareTeamTab';
import { NotesTab } from '../notes/NotesTab';
import { OutcomesTab } from '../outcomes/OutcomesTab';
import { PlansTab } from '../plans/PlansTab';
import { BreakGlassPanel } from './BreakGlassPanel';
import type { Client } from './client-form';
import { ClientHeader } from './ClientHeader';
import classes from './clients.module.css';
import { ConsentsTab } from './ConsentsTab';
import { FollowUpsTab } from './FollowUpsTab';
import { OverviewTab } from './OverviewTab';
import { useClient } from './queries';
import { recentClients } from './recent-clients';

const route = getRouteApi('/clients/$clientId');

type Tab = NonNullable<ClientSearch['tab']>;

/**
 * Each tab and the permission it needs: a tab the role may not use is not there at all. The
 * chart (notes, plans, outcomes) comes first for the care team; the first tab shown is the one
 * a bare link opens.
 */
const TABS: { value: Tab; permission: string }[] = [
  { value: 'notes', permission: 'session-notes:read' },
  { value: 'plans', permission: 'treatment-plans:write' },
  { value: 'outcomes', permission: 'measurements:read' },
  { value: 'overview', permission: 'clients:read' },
  { value: 'consents', permission: 'consents:read' },
  { value: 'care-team', permission: 'care-team:read' },
  { value: 'appointments', permission: 'appointments:read' },
  { value: 'follow-ups', permission: 'follow-ups:read' },
];

/**
 * `/clients/$clientId`: one client in the view the API gives the user (reception: identity and
 * contact, never clinical content), with the open tab in the URL. A tab's data is fetched when
 * the tab is first opened, and the tab stays mounted after: a half-edited contact or care team
 * is still there when the user comes back to it.
 */
export function ClientPage() {
  const { t } = useTranslation('clients');
  const { can } = useClinic();
  const { clientId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const client = useClient(clientId);
  const tabs = TABS.filter((tab) => can(tab.permission));
  const first = tabs[0]?.value ?? 'overview';
  const tab = tabs.some((t) => t.value === search.tab) ? search.tab! : first;
  // The tabs opened so far, of this client: another client starts afresh.
  const [visited, setVisited] = useState({ clientId, tabs: new Set<Tab>([tab]) });
  if (visited.clientId !== clientId) setVisited({ clientId, tabs: new Set([tab]) });
  else if (!visited.tabs.has(tab)) setVisited({ clientId, tabs: new Set([...visited.tabs, tab]) });
  const opened = (value: Tab, content: ReactNode) =>
    visited.clientId === clientId && visited.tabs.has(value) ? content : null;
  // The chart's tabs of a client outside the user's care team: closed, and the ways in.
  const clinical = (value: Tab, record: Client, content: ReactNode) =>
    opened(value, record.view === 'identity' ? <BreakGlassPanel client={record} /> : content);

  const loaded = client.data;
  useEffect(() => {
    if (loaded) {
      recentClients.remember({
        id: loaded.id,
        name: `${loaded.firstName} ${loaded.lastName}`,
        clientNumber: loaded.clientNumber,
      });
    }
  }, [loaded]);

  return (
    <QueryState query={client}>
      {(record) => (
        <Stack gap="md" maw={1200} key={record.id}>
          <div className={record.view === 'clinical' ? classes.chartHeader : undefined}>
            <ClientHeader client={record} />
          </div>
          <Tabs
            value={tab}
            onChange={(value) =>
              void navigate({
                search: (prev) => ({
                  ...prev,
                  tab: value === first ? undefined : (value as Tab),
                }),
                replace: true,
              })
            }
          >
            <Tabs.List>
              {tabs.map(({ value }) => (
                <Tabs.Tab key={value} value={value}>
                  {t(`tabs.${value}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="notes" pt="md">
              {clinical('notes', record, <NotesTab client={record} />)}
            </Tabs.Panel>
            <Tabs.Panel value="plans" pt="md">
              {clinical('plans', record, <PlansTab client={record} />)}
            </Tabs.Panel>
            <Tabs.Panel value="outcomes" pt="md">
              {clinical('outcomes', record, <OutcomesTab client={record} />)}
            </Tabs.Panel>
            <Tabs.Panel value="overview" pt="md">
              {opened('overview', <OverviewTab client={record} />)}
            </Tabs.Panel>
            <Tabs.Panel value="consents" pt="md">
              {opened('consents', <ConsentsTab client={record} />)}
            </Tabs.Panel>
            <Tabs.Panel value="care-team" pt="md">
              {opened('care-team', <CareTeamTab client={record} />)}
            </Tabs.Panel>
            <Tabs.Panel value="appointments" pt="md">
              {opened('appointments', <AppointmentsTab client={record} />)}
            </Tabs.Panel>
            <Tabs.Panel value="follow-ups" pt="md">
              {opened('follow-ups', <FollowUpsTab client={record} />)}
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </QueryState>
  );
}
