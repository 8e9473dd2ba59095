import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { ClinicsModule } from '@meridian/clinics';
import { UsersModule } from '@meridian/users/users.module';
import { AppointmentsReportRepository } from './appointments/appointments-report.repository';
import { ClientsReportRepository } from './clients/clients-report.repository';
import { FollowUpsReportRepository } from './follow-ups/follow-ups-report.repository';
import { OutcomesReportRepository } from './outcomes/outcomes-report.repository';
import { ReportsService } from './reports.service';
import { TreatmentPlansReportRepository } from './treatment-plans/treatment-plans-report.repository';

/** Manager reports: aggregates only, each from its own repository's SQL. */
@Module({
  imports: [AuditModule, ClinicsModule, UsersModule],
  providers: [
    AppointmentsReportRepository,
    ClientsReportRepository,
    FollowUpsReportRepository,
    TreatmentPlansReportRepository,
    OutcomesReportRepository,
    ReportsService,
  ],
  exports: [ReportsService],
})
export class ReportsModule {}
