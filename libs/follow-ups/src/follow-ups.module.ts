import { Module } from '@nestjs/common';
import { ClientsModule } from '@meridian/clients';
import { FollowUpRecords } from './follow-up-records.service';
import { FollowUpsRepository } from './follow-ups.repository';

/**
 * Follow-up tasks. For now the tasks events raise (through the worker's `RaisedFollowUps`)
 * and their place in the client's export and erasure; the routes come with scheduling.
 */
@Module({
  imports: [ClientsModule],
  providers: [FollowUpsRepository, FollowUpRecords],
  exports: [FollowUpsRepository],
})
export class FollowUpsModule {}
