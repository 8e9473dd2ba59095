import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@meridian/core';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { APPOINTMENTS_GROUPINGS } from '../appointments/appointments-report.repository';
import { CLIENTS_GROUPINGS } from '../clients/clients-report.repository';
import { FOLLOW_UPS_GROUPINGS } from '../follow-ups/follow-ups-report.repository';
import { OUTCOMES_GROUPINGS } from '../outcomes/outcomes-report.repository';
import { LONGEST_PERIOD_YEARS } from '../report-period';
import { TREATMENT_PLANS_GROUPINGS } from '../treatment-plans/treatment-plans-report.repository';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const oneOf = (values: readonly string[]) => ({
  message: `groupBy must be one of ${values.join(', ')}`,
});

/** The period, whose caseload, and the form of the answer: shared by every report. */
export class ReportQuery {
  @ApiProperty({
    format: 'date',
    example: '2026-01-01',
    description:
      'First day of the period, in the clinic’s time zone. Inclusive. The first of a month for outcomes and treatment plans.',
  })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-12-31',
    description: `Last day of the period, inclusive; not before from, less than ${LONGEST_PERIOD_YEARS} years after it. The last of a month for outcomes and treatment plans.`,
  })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Restrict to this practitioner’s caseload (clients on their care team; for appointments, their own). Practitioners get their own caseload always and may name only themselves. Not accepted for outcomes.',
  })
  @IsOptional()
  @IsUUID()
  practitionerId?: string;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'csv: the same rows as CSV with a header line; also chosen by `Accept: text/csv`.',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: ReportFormat;
}

export class AppointmentsReportQuery extends ReportQuery {
  @ApiPropertyOptional({
    enum: APPOINTMENTS_GROUPINGS,
    description: 'discipline: the appointment type, intake included.',
  })
  @IsOptional()
  @IsIn(APPOINTMENTS_GROUPINGS, oneOf(APPOINTMENTS_GROUPINGS))
  groupBy?: (typeof APPOINTMENTS_GROUPINGS)[number];
}

export class ClientsReportQuery extends ReportQuery {
  @ApiPropertyOptional({
    enum: CLIENTS_GROUPINGS,
    description: 'discipline: each discipline of the client’s care team.',
  })
  @IsOptional()
  @IsIn(CLIENTS_GROUPINGS, oneOf(CLIENTS_GROUPINGS))
  groupBy?: (typeof CLIENTS_GROUPINGS)[number];
}

export class FollowUpsReportQuery extends ReportQuery {
  @ApiPropertyOptional({ enum: FOLLOW_UPS_GROUPINGS })
  @IsOptional()
  @IsIn(FOLLOW_UPS_GROUPINGS, oneOf(FOLLOW_UPS_GROUPINGS))
  groupBy?: (typeof FOLLOW_UPS_GROUPINGS)[number];
}

export class TreatmentPlansReportQuery extends ReportQuery {
  @ApiPropertyOptional({
    enum: TREATMENT_PLANS_GROUPINGS,
    description: 'practitioner: the plan’s lead.',
  })
  @IsOptional()
  @IsIn(TREATMENT_PLANS_GROUPINGS, oneOf(TREATMENT_PLANS_GROUPINGS))
  groupBy?: (typeof TREATMENT_PLANS_GROUPINGS)[number];
}

export class OutcomesReportQuery extends ReportQuery {
  @ApiPropertyOptional({
    enum: OUTCOMES_GROUPINGS,
    description: 'Rows are always per instrument; discipline splits them by care-team discipline.',
  })
  @IsOptional()
  @IsIn(OUTCOMES_GROUPINGS, oneOf(OUTCOMES_GROUPINGS))
  groupBy?: (typeof OUTCOMES_GROUPINGS)[number];
}
