import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { ClientsModule } from '@meridian/clients';
import { ClinicsModule } from '@meridian/clinics';
import { QueueModule } from '@meridian/queue';
import { UsersModule } from '@meridian/users/users.module';
import { FollowUpJobs } from './follow-up-jobs';
import { FollowUpRecords } from './follow-up-records.service';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';

/**
 * Follow-up tasks: worked by people through the API, raised by events through the worker
 * (`RaisedFollowUps`), and part of the client's export and erasure.
 */
@Module({
  imports: [AuditModule, ClientsModule, ClinicsModule, QueueModule, UsersModule],
  providers: [FollowUpsRepository, FollowUpJobs, FollowUpRecords, FollowUpsService],
  exports: [FollowUpsRepository, FollowUpJobs, FollowUpsService],
})
export class FollowUpsModule {}
