import {
  AppointmentsAggregate,
  appointmentsGroupColumns,
  APPOINTMENTS_GROUPINGS,
} from './appointments/appointments-report.repository';
import {
  ClientsAggregate,
  clientsGroupColumns,
  CLIENTS_GROUPINGS,
} from './clients/clients-report.repository';
import {
  FollowUpsAggregate,
  followUpsGroupColumns,
  FOLLOW_UPS_GROUPINGS,
} from './follow-ups/follow-ups-report.repository';
import {
  OutcomesAggregate,
  outcomesGroupColumns,
  OUTCOMES_GROUPINGS,
} from './outcomes/outcomes-report.repository';
import { Measures, round, share } from './small-groups';
import {
  TreatmentPlansAggregate,
  treatmentPlansGroupColumns,
  TREATMENT_PLANS_GROUPINGS,
} from './treatment-plans/treatment-plans-report.repository';

export const REPORT_NAMES = [
  'appointments',
  'clients',
  'follow-ups',
  'treatment-plans',
  'outcomes',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** What a report publishes from the database's aggregates, and in which columns. */
export interface ReportDefinition<Grouping extends string, Aggregate> {
  name: ReportName;
  /**
   * Whether the report touches clinical content managers may not see record by record (plans'
   * diets and phases, outcome scores): then it covers whole months only.
   */
  clinical: boolean;
  /**
   * Whether managers may narrow it to one practitioner's caseload. Not outcomes: a caseload's
   * groups are small enough that two months compared could single out a client's scores.
   */
  byCaseload: boolean;
  groupings: readonly Grouping[];
  groupColumns(grouping: Grouping | null): string[];
  /** The published measures, in column order (after the group's columns and `clients`). */
  measures: readonly string[];
  measure(aggregate: Aggregate): Measures;
}

export const APPOINTMENTS_REPORT: ReportDefinition<
  (typeof APPOINTMENTS_GROUPINGS)[number],
  AppointmentsAggregate
> = {
  name: 'appointments',
  clinical: false,
  byCaseload: true,
  groupings: APPOINTMENTS_GROUPINGS,
  groupColumns: appointmentsGroupColumns,
  measures: [
    'appointments',
    'booked',
    'arrived',
    'completed',
    'noShow',
    'cancelled',
    'lateCancellations',
    'bookedHours',
    'noShowRate',
  ],
  measure: (a) => ({
    appointments: a.appointments,
    booked: a.booked,
    arrived: a.arrived,
    completed: a.completed,
    noShow: a.noShow,
    cancelled: a.cancelled,
    lateCancellations: a.lateCancellations,
    bookedHours: round(a.bookedMinutes / 60, 2),
    // Of the appointments whose client came or did not: booked ones have no answer yet.
    noShowRate: share(a.noShow, a.arrived + a.completed + a.noShow),
  }),
};

export const CLIENTS_REPORT: ReportDefinition<
  (typeof CLIENTS_GROUPINGS)[number],
  ClientsAggregate
> = {
  name: 'clients',
  clinical: false,
  byCaseload: true,
  groupings: CLIENTS_GROUPINGS,
  groupColumns: clientsGroupColumns,
  measures: ['new', 'active', 'archived'],
  measure: (a) => ({ new: a.new, active: a.active, archived: a.archived }),
};

export const FOLLOW_UPS_REPORT: ReportDefinition<
  (typeof FOLLOW_UPS_GROUPINGS)[number],
  FollowUpsAggregate
> = {
  name: 'follow-ups',
  clinical: false,
  byCaseload: true,
  groupings: FOLLOW_UPS_GROUPINGS,
  groupColumns: followUpsGroupColumns,
  measures: ['created', 'completed', 'cancelled', 'open', 'overdue', 'medianHoursDueToDone'],
  measure: (a) => ({
    created: a.created,
    completed: a.completed,
    cancelled: a.cancelled,
    open: a.open,
    overdue: a.overdue,
    medianHoursDueToDone: round(a.medianHoursDueToDone, 1),
  }),
};

export const TREATMENT_PLANS_REPORT: ReportDefinition<
  (typeof TREATMENT_PLANS_GROUPINGS)[number],
  TreatmentPlansAggregate
> = {
  name: 'treatment-plans',
  clinical: true,
  byCaseload: true,
  groupings: TREATMENT_PLANS_GROUPINGS,
  groupColumns: treatmentPlansGroupColumns,
  measures: ['active', 'started', 'completed', 'cancelled', 'medianLengthDays'],
  measure: (a) => ({
    active: a.active,
    started: a.started,
    completed: a.completed,
    cancelled: a.cancelled,
    medianLengthDays: round(a.medianLengthDays, 1),
  }),
};

export const OUTCOMES_REPORT: ReportDefinition<
  (typeof OUTCOMES_GROUPINGS)[number],
  OutcomesAggregate
> = {
  name: 'outcomes',
  clinical: true,
  byCaseload: false,
  groupings: OUTCOMES_GROUPINGS,
  groupColumns: outcomesGroupColumns,
  measures: [
    'meanBaseline',
    'meanLatest',
    'meanChange',
    'improved',
    'improvedShare',
    'remitted',
    'remissionShare',
  ],
  measure: (a) => ({
    // One decimal: enough to read a change, too coarse to work one client's score back out.
    meanBaseline: round(a.meanBaseline, 1),
    meanLatest: round(a.meanLatest, 1),
    meanChange: round(a.meanChange, 1),
    improved: a.definesImprovement ? a.improved : null,
    improvedShare: a.definesImprovement ? share(a.improved, a.clients) : null,
    remitted: a.definesRemission ? a.remitted : null,
    remissionShare: a.definesRemission ? share(a.remitted, a.remissionEligible) : null,
  }),
};
