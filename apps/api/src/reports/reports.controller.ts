import {
  applyDecorators,
  Controller,
  Get,
  Headers,
  Query,
  StreamableFile,
  Type,
} from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Permission, RequirePermission } from '@meridian/auth';
import {
  AppointmentsReport,
  AppointmentsReportQuery,
  ClientsReport,
  ClientsReportQuery,
  FollowUpsReport,
  FollowUpsReportQuery,
  OutcomesReport,
  OutcomesReportQuery,
  Report,
  reportCsv,
  reportFileName,
  ReportsService,
  TreatmentPlansReport,
  TreatmentPlansReportQuery,
} from '@meridian/reports';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentActor } from '../auth/current-actor.decorator';
import { problemResponse } from '../problems/problem.schema';
import { wantsCsv } from './report-format';

const BAD_QUERY = problemResponse(
  400,
  'A malformed date, to before from, a period of 5 years or more, an unknown groupBy or format, or a practitionerId that is no practitioner here.',
);
const OWN_CASELOAD = problemResponse(
  403,
  'Reception has no reports; a practitioner may not ask for another practitioner’s caseload.',
);
const CSV = 'Accept: text/csv or ?format=csv gives the same rows as a CSV download.';

/** The answers every report route documents: its JSON or CSV, and the refusals. */
function ReportResponses(report: Type): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(report),
    ApiHeader({
      name: 'accept',
      required: false,
      description: '`text/csv` (preferred to JSON) for a CSV download.',
    }),
    ApiOkResponse({
      description: 'The report; as CSV, its columns as a header line, then one line per row.',
      headers: {
        'Content-Disposition': {
          description:
            'CSV only: `attachment; filename="<report>-<from>-to-<to>[-by-<groupBy>].csv"`.',
          schema: { type: 'string' },
        },
      },
      content: {
        'application/json': { schema: { $ref: getSchemaPath(report) } },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
    ApiResponse(BAD_QUERY),
    ApiResponse(OWN_CASELOAD),
  );
}

/**
 * Manager reports (design section 8), JSON by default and CSV on request. Every route answers
 * a period in the clinic's time zone; the service decides whose caseload.
 */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('appointments')
  @RequirePermission(Permission.ReportRead)
  @ApiOperation({
    summary: 'Appointments: counts by status, booked hours, no-show rate, late cancellations',
    description: CSV,
  })
  @ReportResponses(AppointmentsReport)
  async appointments(
    @CurrentActor() actor: AuthenticatedUser,
    @Query() query: AppointmentsReportQuery,
    @Headers('accept') accept?: string,
  ): Promise<Report | StreamableFile> {
    const csv = wantsCsv(query.format, accept);
    return answer(await this.reports.appointments(actor, query, csv), csv);
  }

  @Get('clients')
  @RequirePermission(Permission.ReportRead)
  @ApiOperation({ summary: 'Clients: new, active (seen) and archived', description: CSV })
  @ReportResponses(ClientsReport)
  async clients(
    @CurrentActor() actor: AuthenticatedUser,
    @Query() query: ClientsReportQuery,
    @Headers('accept') accept?: string,
  ): Promise<Report | StreamableFile> {
    const csv = wantsCsv(query.format, accept);
    return answer(await this.reports.clients(actor, query, csv), csv);
  }

  @Get('follow-ups')
  @RequirePermission(Permission.ReportRead)
  @ApiOperation({
    summary: 'Follow-up tasks: created, completed, open, overdue, median time from due to done',
    description: CSV,
  })
  @ReportResponses(FollowUpsReport)
  async followUps(
    @CurrentActor() actor: AuthenticatedUser,
    @Query() query: FollowUpsReportQuery,
    @Headers('accept') accept?: string,
  ): Promise<Report | StreamableFile> {
    const csv = wantsCsv(query.format, accept);
    return answer(await this.reports.followUps(actor, query, csv), csv);
  }

  @Get('treatment-plans')
  @RequirePermission(Permission.ReportRead)
  @ApiOperation({
    summary: 'Treatment plans: active, started, completed, cancelled, median length',
    description: CSV,
  })
  @ReportResponses(TreatmentPlansReport)
  async treatmentPlans(
    @CurrentActor() actor: AuthenticatedUser,
    @Query() query: TreatmentPlansReportQuery,
    @Headers('accept') accept?: string,
  ): Promise<Report | StreamableFile> {
    const csv = wantsCsv(query.format, accept);
    return answer(await this.reports.treatmentPlans(actor, query, csv), csv);
  }

  @Get('outcomes')
  @RequirePermission(Permission.ReportRead)
  @ApiOperation({
    summary: 'Outcomes: change per instrument, meaningful improvement and remission',
    description: `Only clients whose consent to anonymised outcome statistics is in force. ${CSV}`,
  })
  @ReportResponses(OutcomesReport)
  async outcomes(
    @CurrentActor() actor: AuthenticatedUser,
    @Query() query: OutcomesReportQuery,
    @Headers('accept') accept?: string,
  ): Promise<Report | StreamableFile> {
    const csv = wantsCsv(query.format, accept);
    return answer(await this.reports.outcomes(actor, query, csv), csv);
  }
}

function answer(report: Report, csv: boolean): Report | StreamableFile {
  if (!csv) return report;
  return new StreamableFile(reportCsv(report), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${reportFileName(report)}"`,
  });
}
