'use strict';
/**
 * Ceiling of `GET /api/v1/reports/<report>?from=&to=` as a manager (the whole clinic, no
 * grouping): the same SQL run bare. The app's compiled report repositories make their
 * statement and run it through a stand-in for the tenant transaction, after TypeORM's clinic
 * lookup for the time zone (word for word), in the same transaction with the same access-log
 * row; the report is published as the app's service publishes it.
 */
const path = require('node:path');
const { claimsOf, inTenantTransaction, send, serve } = require('./bare');

const reports = (file) =>
  require(path.join(__dirname, '../../dist/apps/api/libs/reports/src', file));
const { AppointmentsReportRepository } = reports('appointments/appointments-report.repository.js');
const { ClientsReportRepository } = reports('clients/clients-report.repository.js');
const { FollowUpsReportRepository } = reports('follow-ups/follow-ups-report.repository.js');
const { OutcomesReportRepository } = reports('outcomes/outcomes-report.repository.js');
const { TreatmentPlansReportRepository } = reports(
  'treatment-plans/treatment-plans-report.repository.js',
);
const definitions = reports('report-definitions.js');
const { reportPeriod } = reports('report-period.js');
const { MINIMUM_GROUP_SIZE, publishRow } = reports('small-groups.js');

const REPORTS = {
  appointments: [definitions.APPOINTMENTS_REPORT, AppointmentsReportRepository],
  clients: [definitions.CLIENTS_REPORT, ClientsReportRepository],
  'follow-ups': [definitions.FOLLOW_UPS_REPORT, FollowUpsReportRepository],
  'treatment-plans': [definitions.TREATMENT_PLANS_REPORT, TreatmentPlansReportRepository],
  outcomes: [definitions.OUTCOMES_REPORT, OutcomesReportRepository],
};

const CLINIC = `SELECT "ClinicEntity"."id" AS "ClinicEntity_id", "ClinicEntity"."name" AS "ClinicEntity_name", "ClinicEntity"."time_zone" AS "ClinicEntity_time_zone", "ClinicEntity"."locale" AS "ClinicEntity_locale", "ClinicEntity"."mfa_required" AS "ClinicEntity_mfa_required", "ClinicEntity"."reminder_lead_minutes" AS "ClinicEntity_reminder_lead_minutes", "ClinicEntity"."escalation_grace_hours" AS "ClinicEntity_escalation_grace_hours", "ClinicEntity"."demo" AS "ClinicEntity_demo", "ClinicEntity"."created_at" AS "ClinicEntity_created_at", "ClinicEntity"."updated_at" AS "ClinicEntity_updated_at", "ClinicEntity"."version" AS "ClinicEntity_version" FROM "clinics" "ClinicEntity" WHERE (("ClinicEntity"."id" = $1)) LIMIT 1`;
const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

serve(async (request, response, url) => {
  const claims = claimsOf(request);
  if (!claims) return send(response, 401, { error: 'unauthenticated' });
  const [definition, Repository] = REPORTS[url.pathname.replace('/api/v1/reports/', '')] ?? [];
  if (!definition) return send(response, 404, { error: 'no such report' });
  const { period, aggregates } = await inTenantTransaction(
    claims,
    request,
    async (query) => {
      const { rows } = await query('clinic', CLINIC, [claims.clinicId]);
      const period = reportPeriod(
        url.searchParams.get('from'),
        url.searchParams.get('to'),
        rows[0]?.ClinicEntity_time_zone ?? DEFAULT_TIME_ZONE,
        { wholeMonths: definition.clinical },
      );
      // Unnamed statements, as TypeORM's `query` runs them: planned for their parameters.
      const tx = {
        clinicId: claims.clinicId,
        manager: { query: async (sql, params) => (await query(undefined, sql, params)).rows },
      };
      const aggregates = await new Repository(tx).aggregate({ period, practitionerId: null }, null);
      return { period, aggregates };
    },
    () => ({ action: 'read', resourceType: `${definition.name}-report`, resourceId: null }),
  );
  const groupColumns = definition.groupColumns(null);
  send(response, 200, {
    report: definition.name,
    from: period.from,
    to: period.to,
    timeZone: period.timeZone,
    groupBy: null,
    practitionerId: null,
    generatedAt: new Date().toISOString(),
    minimumGroupSize: MINIMUM_GROUP_SIZE,
    columns: [...groupColumns, 'clients', ...definition.measures, 'suppressed'],
    rows: aggregates.map((row) =>
      publishRow(
        Object.fromEntries(groupColumns.map((column) => [column, row[column] ?? null])),
        row.clients,
        definition.measure(row),
      ),
    ),
  });
});
