import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MINIMUM_GROUP_SIZE } from '../small-groups';
import { REPORT_NAMES } from '../report-definitions';

const SUPPRESSED = `null when the row is suppressed (1 to ${MINIMUM_GROUP_SIZE - 1} clients).`;
const count = (description = '') =>
  ApiProperty({
    type: 'integer',
    nullable: true,
    description: `${description} ${SUPPRESSED}`.trim(),
  });
const figure = (description: string) =>
  ApiProperty({ type: 'number', nullable: true, description: `${description} ${SUPPRESSED}` });
const groupColumn = (description: string, format?: string) =>
  ApiPropertyOptional({ type: 'string', nullable: true, format, description });

/** Columns every report row has. */
export class ReportRowBase {
  @count('Distinct clients the row is about.') clients!: number | null;
  @ApiProperty({
    description: `True when the group has fewer than ${MINIMUM_GROUP_SIZE} clients: its figures are withheld.`,
  })
  suppressed!: boolean;
}

/** The envelope every report shares. */
export class ReportResponseBase {
  @ApiProperty({ enum: REPORT_NAMES }) report!: string;
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
  @ApiProperty({ example: 'Europe/Amsterdam' }) timeZone!: string;
  @ApiProperty({ type: 'string', nullable: true }) groupBy!: string | null;
  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'Whose caseload the report covers; null for the whole clinic.',
  })
  practitionerId!: string | null;
  @ApiProperty({
    format: 'date-time',
    description:
      'When the figures were computed, from live data. What is open, active or overdue is judged at the end of the period, or at this moment if that is earlier.',
  })
  generatedAt!: string;
  @ApiProperty({ example: MINIMUM_GROUP_SIZE }) minimumGroupSize!: number;
  @ApiProperty({ type: [String], description: 'The columns of each row, in CSV order.' })
  columns!: string[];
}

export class AppointmentsReportRow extends ReportRowBase {
  @groupColumn('groupBy=practitioner', 'uuid') practitionerId?: string;
  @groupColumn('groupBy=practitioner') practitionerName?: string;
  @groupColumn('groupBy=discipline: the appointment type, intake included') discipline?: string;
  @groupColumn('groupBy=week: the Monday starting the week', 'date') week?: string;
  @groupColumn('groupBy=month: YYYY-MM') month?: string;
  @count('Appointments starting in the period.') appointments!: number | null;
  @count() booked!: number | null;
  @count() arrived!: number | null;
  @count() completed!: number | null;
  @count() noShow!: number | null;
  @count() cancelled!: number | null;
  @count('Cancelled less than 24 hours before the start.') lateCancellations!: number | null;
  @figure('Hours of all appointments not cancelled.') bookedHours!: number | null;
  @figure('No-shows among the appointments the client came to or missed (0–1).')
  noShowRate!: number | null;
}

export class ClientsReportRow extends ReportRowBase {
  @groupColumn('groupBy=discipline: of the care team; null for clients without one')
  discipline?: string;
  @groupColumn('groupBy=month: YYYY-MM, when it happened') month?: string;
  @count('Registered in the period.') new!: number | null;
  @count('Seen in the period: an appointment they came to, or a session note.')
  active!: number | null;
  @count('Archived in the period.') archived!: number | null;
}

export class FollowUpsReportRow extends ReportRowBase {
  @groupColumn('groupBy=assignee: the user’s name, or the queue (reception)')
  assigneeName?: string;
  @groupColumn('groupBy=assignee: null for the reception queue', 'uuid') assigneeUserId?: string;
  @groupColumn('groupBy=type') type?: string;
  @groupColumn('groupBy=week: the Monday starting the week', 'date') week?: string;
  @groupColumn('groupBy=month: YYYY-MM') month?: string;
  @count() created!: number | null;
  @count() completed!: number | null;
  @count() cancelled!: number | null;
  @count('Open at the end of the period (or week, month).') open!: number | null;
  @count('Open and past due then.') overdue!: number | null;
  @figure('Median hours from due to done of the tasks completed; negative when early.')
  medianHoursDueToDone!: number | null;
}

export class TreatmentPlansReportRow extends ReportRowBase {
  @groupColumn('groupBy=phaseKind: a plan counts under each kind it has') phaseKind?: string;
  @groupColumn('groupBy=dietProtocol: of its diet phases; null for plans without one')
  dietProtocol?: string;
  @groupColumn('groupBy=practitioner: the lead', 'uuid') practitionerId?: string;
  @groupColumn('groupBy=practitioner') practitionerName?: string;
  @count('Active at the end of the period.') active!: number | null;
  @count('Activated in the period.') started!: number | null;
  @count() completed!: number | null;
  @count() cancelled!: number | null;
  @figure('Median days from activation to completion of the plans completed.')
  medianLengthDays!: number | null;
}

export class OutcomesReportRow extends ReportRowBase {
  @ApiProperty({ example: 'PHQ-9' }) instrument!: string;
  @groupColumn('groupBy=discipline: of the care team') discipline?: string;
  @figure('Mean first score, to one decimal.') meanBaseline!: number | null;
  @figure('Mean last score in the period, to one decimal.') meanLatest!: number | null;
  @figure('Mean of last minus first, to one decimal.') meanChange!: number | null;
  @count(
    'Improved by at least the meaningful change (PHQ-9 5, GAD-7 4, MYMOP2 1.0, a scale its own); null for a scale without one.',
  )
  improved!: number | null;
  @figure('improved / clients.') improvedShare!: number | null;
  @count(
    'Started at or above the remission threshold (PHQ-9: 5) and ended below it; null where none is defined.',
  )
  remitted!: number | null;
  @figure('remitted / clients who started at or above the threshold.')
  remissionShare!: number | null;
}

export class AppointmentsReport extends ReportResponseBase {
  @ApiProperty({ type: [AppointmentsReportRow] }) rows!: AppointmentsReportRow[];
}
export class ClientsReport extends ReportResponseBase {
  @ApiProperty({ type: [ClientsReportRow] }) rows!: ClientsReportRow[];
}
export class FollowUpsReport extends ReportResponseBase {
  @ApiProperty({ type: [FollowUpsReportRow] }) rows!: FollowUpsReportRow[];
}
export class TreatmentPlansReport extends ReportResponseBase {
  @ApiProperty({ type: [TreatmentPlansReportRow] }) rows!: TreatmentPlansReportRow[];
}
export class OutcomesReport extends ReportResponseBase {
  @ApiProperty({ type: [OutcomesReportRow] }) rows!: OutcomesReportRow[];
}
