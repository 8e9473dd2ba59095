import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { ClientsModule } from '@meridian/clients';
import { ClinicsModule } from '@meridian/clinics';
import { UsersModule } from '@meridian/users/users.module';
import { FollowUpRecords } from './follow-up-records.service';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';

/**
 * Follow-up tasks: worked by people through the API, raised by events through the worker
 * (`RaisedFollowUps`), and part of the client's export and erasure.
 */
@Module({
  imports: [AuditModule, ClientsModule, ClinicsModule, UsersModule],
  providers: [FollowUpsRepository, FollowUpRecords, FollowUpsService],
  exports: [FollowUpsRepository, FollowUpsService],
})
export class FollowUpsModule {}
