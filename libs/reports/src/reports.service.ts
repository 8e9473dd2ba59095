import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { hasPermission, Permission } from '@meridian/auth/access/permission';
import { Role } from '@meridian/auth/access/role';
import { ClinicsRepository } from '@meridian/clinics';
import { Actor, RequestException } from '@meridian/core';
import { UsersRepository } from '@meridian/users/users.repository';
import { AppointmentsReportRepository } from './appointments/appointments-report.repository';
import { ClientsReportRepository } from './clients/clients-report.repository';
import type {
  AppointmentsReportQuery,
  ClientsReportQuery,
  FollowUpsReportQuery,
  OutcomesReportQuery,
  ReportQuery,
  TreatmentPlansReportQuery,
} from './dto/report.query';
import { FollowUpsReportRepository } from './follow-ups/follow-ups-report.repository';
import { OutcomesReportRepository } from './outcomes/outcomes-report.repository';
import {
  APPOINTMENTS_REPORT,
  CLIENTS_REPORT,
  FOLLOW_UPS_REPORT,
  OUTCOMES_REPORT,
  ReportDefinition,
  ReportName,
  TREATMENT_PLANS_REPORT,
} from './report-definitions';
import { reportPeriod } from './report-period';
import { ReportScope } from './report-scope';
import { ReportsException } from './reports.exception';
import { MINIMUM_GROUP_SIZE, publishRow } from './small-groups';
import { TreatmentPlansReportRepository } from './treatment-plans/treatment-plans-report.repository';

/** A report as published: the period and scope it covers, its columns and its rows. */
export interface Report {
  report: ReportName;
  from: string;
  to: string;
  timeZone: string;
  groupBy: string | null;
  practitionerId: string | null;
  generatedAt: string;
  minimumGroupSize: number;
  columns: string[];
  rows: Record<string, string | number | boolean | null>[];
}

type Aggregate = { clients: number } & Record<string, unknown>;

/**
 * Manager reports (design section 8): aggregates over a period in the clinic's time zone, computed
 * from live data. Managers and admins see the whole clinic or any practitioner's caseload;
 * practitioners their own. No row names a client, and groups of fewer than five clients are
 * withheld.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly appointmentsReport: AppointmentsReportRepository,
    private readonly clientsReport: ClientsReportRepository,
    private readonly followUpsReport: FollowUpsReportRepository,
    private readonly treatmentPlansReport: TreatmentPlansReportRepository,
    private readonly outcomesReport: OutcomesReportRepository,
    private readonly clinics: ClinicsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditLog,
  ) {}

  appointments(actor: Actor, query: AppointmentsReportQuery, exported: boolean): Promise<Report> {
    return this.build(APPOINTMENTS_REPORT, actor, query, query.groupBy, exported, (scope, group) =>
      this.appointmentsReport.aggregate(scope, group),
    );
  }

  clients(actor: Actor, query: ClientsReportQuery, exported: boolean): Promise<Report> {
    return this.build(CLIENTS_REPORT, actor, query, query.groupBy, exported, (scope, group) =>
      this.clientsReport.aggregate(scope, group),
    );
  }

  followUps(actor: Actor, query: FollowUpsReportQuery, exported: boolean): Promise<Report> {
    return this.build(FOLLOW_UPS_REPORT, actor, query, query.groupBy, exported, (scope, group) =>
      this.followUpsReport.aggregate(scope, group),
    );
  }

  treatmentPlans(
    actor: Actor,
    query: TreatmentPlansReportQuery,
    exported: boolean,
  ): Promise<Report> {
    return this.build(
      TREATMENT_PLANS_REPORT,
      actor,
      query,
      query.groupBy,
      exported,
      (scope, group) => this.treatmentPlansReport.aggregate(scope, group),
    );
  }

  outcomes(actor: Actor, query: OutcomesReportQuery, exported: boolean): Promise<Report> {
    return this.build(OUTCOMES_REPORT, actor, query, query.groupBy, exported, (scope, group) =>
      this.outcomesReport.aggregate(scope, group),
    );
  }

  private async build<Grouping extends string, A extends Aggregate>(
    definition: ReportDefinition<Grouping, A>,
    actor: Actor,
    query: ReportQuery,
    grouping: Grouping | undefined,
    exported: boolean,
    aggregate: (scope: ReportScope, grouping: Grouping | null) => Promise<A[]>,
  ): Promise<Report> {
    const scope = await this.scope(definition, actor, query);
    const aggregates = await aggregate(scope, grouping ?? null);
    const groupColumns = definition.groupColumns(grouping ?? null);
    await this.audit.record({
      action: exported ? AuditAction.Export : AuditAction.Read,
      resourceType: `${definition.name}-report`,
      // Whose caseload, when one: a reviewer of the log can tell a clinic report from one
      // about a single practitioner's clients.
      resourceId: scope.practitionerId,
    });
    return {
      report: definition.name,
      from: scope.period.from,
      to: scope.period.to,
      timeZone: scope.period.timeZone,
      groupBy: grouping ?? null,
      practitionerId: scope.practitionerId,
      generatedAt: new Date().toISOString(),
      minimumGroupSize: MINIMUM_GROUP_SIZE,
      columns: [...groupColumns, 'clients', ...definition.measures, 'suppressed'],
      rows: aggregates.map((row) =>
        publishRow(
          Object.fromEntries(
            groupColumns.map((column) => [column, (row[column] as string) ?? null]),
          ),
          row.clients,
          definition.measure(row),
        ),
      ),
    };
  }

  /**
   * The period, and whose caseload: a practitioner without the clinic-wide permission always
   * gets their own and is refused another's; others the clinic, or the practitioner named.
   */
  private async scope(
    definition: ReportDefinition<string, unknown>,
    actor: Actor,
    query: ReportQuery,
  ): Promise<ReportScope> {
    const wholeClinic = hasPermission(actor.roles, Permission.ReportReadAll);
    if (!wholeClinic && query.practitionerId && query.practitionerId !== actor.userId) {
      throw ReportsException.ownCaseloadOnly();
    }
    const period = reportPeriod(query.from, query.to, await this.clinics.timeZone(), {
      wholeMonths: definition.clinical,
    });
    if (!wholeClinic) return { period, practitionerId: actor.userId };
    if (query.practitionerId && !definition.byCaseload) {
      throw RequestException.invalidFields([
        {
          field: 'practitionerId',
          message: `is not accepted: the ${definition.name} report covers the whole clinic (practitioners see their own caseload)`,
        },
      ]);
    }
    if (query.practitionerId) {
      const practitioner = await this.users.findById(query.practitionerId);
      if (!practitioner?.roles.includes(Role.Practitioner)) {
        throw RequestException.invalidFields([
          { field: 'practitionerId', message: 'is not a practitioner of this clinic' },
        ]);
      }
    }
    return { period, practitionerId: query.practitionerId ?? null };
  }
}
