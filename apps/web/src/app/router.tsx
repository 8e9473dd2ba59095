import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { ADMIN_SECTIONS, adminSectionTarget } from '../features/admin/sections';
import { isCalendarDate } from '../lib/clinic-time';
import { AppLayout } from './shell/AppLayout';
import { NotFound } from './shell/NotFound';
import { RouteError } from './shell/RouteError';
import { landingPath } from './shell/navigation';
import { sessionStore } from './session/session-store';
import { REPORT_GROUPINGS, REPORT_SLUGS } from '../features/reports/report-names';

/**
 * View state lives in the URL (date, view, practitioner, filters, the open record) so that a
 * link or a reload brings back the same screen. Ids only: a name or a search term is health
 * data, and URLs end up in logs and history.
 */
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : undefined;
const oneOf = <T extends string>(value: unknown, options: readonly T[]): T | undefined =>
  options.includes(value as T) ? (value as T) : undefined;

export interface CalendarSearch {
  date?: string;
  view?: 'day' | 'week';
  practitioner?: string;
  appointment?: string;
  /** Cancelled appointments shown too (hidden by default). */
  cancelled?: boolean;
}

export interface ClientsSearch {
  status?: 'active' | 'archived';
}

export const CLIENT_TABS = [
  'notes',
  'plans',
  'outcomes',
  'overview',
  'consents',
  'care-team',
  'appointments',
  'follow-ups',
] as const;
export interface ClientSearch {
  tab?: (typeof CLIENT_TABS)[number];
  /** The chart's timeline filtered to one discipline. */
  discipline?: string;
}

export const FOLLOW_UP_LISTS = ['queue', 'mine', 'all'] as const;
export const FOLLOW_UP_DUE = ['overdue', 'today', 'week'] as const;
export interface FollowUpsSearch {
  list?: (typeof FOLLOW_UP_LISTS)[number];
  type?: string;
  due?: (typeof FOLLOW_UP_DUE)[number];
  status?: 'open' | 'done' | 'cancelled';
  task?: string;
}

const rootRoute = createRootRoute({ component: AppLayout, notFoundComponent: NotFound });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    const session = sessionStore.get();
    throw redirect({ to: session.status === 'signed-in' ? landingPath(session.me) : '/calendar' });
  },
});

const calendarRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/calendar',
  validateSearch: (search: Record<string, unknown>): CalendarSearch => ({
    date: typeof search.date === 'string' && isCalendarDate(search.date) ? search.date : undefined,
    view: oneOf(search.view, ['day', 'week'] as const),
    practitioner: text(search.practitioner),
    appointment: text(search.appointment),
    cancelled: search.cancelled === true ? true : undefined,
  }),
  component: lazyRouteComponent(() => import('../features/calendar/CalendarPage'), 'CalendarPage'),
});

const clientsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/clients',
  validateSearch: (search: Record<string, unknown>): ClientsSearch => ({
    status: oneOf(search.status, ['active', 'archived'] as const),
  }),
  component: lazyRouteComponent(() => import('../features/clients/ClientsPage'), 'ClientsPage'),
});

const newClientRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/clients/new',
  component: lazyRouteComponent(
    () => import('../features/clients/RegisterClientPage'),
    'RegisterClientPage',
  ),
});

const clientRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/clients/$clientId',
  validateSearch: (search: Record<string, unknown>): ClientSearch => ({
    tab: oneOf(search.tab, CLIENT_TABS),
    discipline: text(search.discipline),
  }),
  component: lazyRouteComponent(() => import('../features/clients/ClientPage'), 'ClientPage'),
});

const todayRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/today',
  component: lazyRouteComponent(() => import('../features/today/TodayPage'), 'TodayPage'),
});

const noteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/notes/$noteId',
  component: lazyRouteComponent(() => import('../features/notes/NotePage'), 'NotePage'),
});

export interface PlanSearch {
  /** An earlier version of the plan shown (its history). */
  version?: number;
}

const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/plans/$planId',
  validateSearch: (search: Record<string, unknown>): PlanSearch => ({
    version:
      typeof search.version === 'number' && Number.isInteger(search.version) && search.version > 0
        ? search.version
        : undefined,
  }),
  component: lazyRouteComponent(() => import('../features/plans/PlanPage'), 'PlanPage'),
});

const newPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/clients/$clientId/plans/new',
  component: lazyRouteComponent(() => import('../features/plans/NewPlanPage'), 'NewPlanPage'),
});

const followUpsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/follow-ups',
  validateSearch: (search: Record<string, unknown>): FollowUpsSearch => ({
    list: oneOf(search.list, FOLLOW_UP_LISTS),
    type: text(search.type),
    due: oneOf(search.due, FOLLOW_UP_DUE),
    status: oneOf(search.status, ['open', 'done', 'cancelled'] as const),
    task: text(search.task),
  }),
  component: lazyRouteComponent(
    () => import('../features/follow-ups/FollowUpsPage'),
    'FollowUpsPage',
  ),
});

/** A report's grouping in the address: one of the catalog's, or `total` for none. */
const REPORT_SEARCH_GROUPINGS = [...REPORT_GROUPINGS, 'total'] as const;
export interface ReportSearch {
  /** The period's first and last clinic day (yyyy-mm-dd); the page settles them to its rules. */
  from?: string;
  to?: string;
  groupBy?: (typeof REPORT_SEARCH_GROUPINGS)[number];
  /** One practitioner's caseload (managers and admins; a practitioner sees only their own). */
  practitioner?: string;
}

const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports',
  beforeLoad: () => {
    throw redirect({ to: '/reports/$report', params: { report: REPORT_SLUGS[0] } });
  },
});

const reportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/$report',
  validateSearch: (search: Record<string, unknown>): ReportSearch => ({
    from: typeof search.from === 'string' && isCalendarDate(search.from) ? search.from : undefined,
    to: typeof search.to === 'string' && isCalendarDate(search.to) ? search.to : undefined,
    groupBy: oneOf(search.groupBy, REPORT_SEARCH_GROUPINGS),
    practitioner: text(search.practitioner),
  }),
  component: lazyRouteComponent(() => import('../features/reports/ReportsPage'), 'ReportsPage'),
});

export { ADMIN_SECTIONS, type AdminSection } from '../features/admin/sections';
export interface AdminSearch {
  /** The person opened on the people page. */
  user?: string;
}

/** `/admin` leads to the first section the user's permissions allow (the page checks again). */
const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  beforeLoad: () => {
    const session = sessionStore.get();
    const permissions = session.status === 'signed-in' ? session.me.permissions : [];
    throw redirect({
      to: '/admin/$section',
      params: { section: adminSectionTarget(permissions) ?? ADMIN_SECTIONS[0] },
      replace: true,
    });
  },
});

const adminSectionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/$section',
  validateSearch: (search: Record<string, unknown>): AdminSearch => ({ user: text(search.user) }),
  component: lazyRouteComponent(() => import('../features/admin/AdminPage'), 'AdminPage'),
});

export const PRIVACY_SECTIONS = ['access-log', 'break-glass', 'requests', 'retention'] as const;
export interface PrivacySearch {
  /** Access-log filters: ids and days only. */
  client?: string;
  user?: string;
  action?: string;
  from?: string;
  to?: string;
}

const privacyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/privacy',
  component: lazyRouteComponent(() => import('../features/privacy/PrivacyPage'), 'PrivacyPage'),
});

const privacySectionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/privacy/$section',
  validateSearch: (search: Record<string, unknown>): PrivacySearch => ({
    client: text(search.client),
    user: text(search.user),
    action: text(search.action),
    from: typeof search.from === 'string' && isCalendarDate(search.from) ? search.from : undefined,
    to: typeof search.to === 'string' && isCalendarDate(search.to) ? search.to : undefined,
  }),
  component: lazyRouteComponent(() => import('../features/privacy/PrivacyPage'), 'PrivacyPage'),
});

/** A client's access overview: who saw the record, for the client who asks (printable). */
const accessOverviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/privacy/clients/$clientId',
  component: lazyRouteComponent(
    () => import('../features/privacy/AccessOverviewPage'),
    'AccessOverviewPage',
  ),
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('../features/account/AccountPage'), 'AccountPage'),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  todayRoute,
  calendarRoute,
  clientsRoute,
  newClientRoute,
  clientRoute,
  newPlanRoute,
  noteRoute,
  planRoute,
  followUpsRoute,
  reportsRoute,
  reportRoute,
  adminRoute,
  adminSectionRoute,
  privacyRoute,
  privacySectionRoute,
  accessOverviewRoute,
  accountRoute,
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  defaultErrorComponent: RouteError,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
