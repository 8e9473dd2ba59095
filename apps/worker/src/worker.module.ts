import { Module } from '@nestjs/common';
import { RetentionRepository } from '@meridian/clients/retention.repository';
import { AuditModule } from '@meridian/audit';
import { CoreModule, LoggingModule } from '@meridian/core';
import { DbModule } from '@meridian/db';
import { JobHandlersModule, QueueModule } from '@meridian/queue';
import { ClsModule } from 'nestjs-cls';
import { AuditSealHandler } from './maintenance/audit-seal.handler';
import { RetentionScanHandler } from './maintenance/retention-scan.handler';
import { OutboxPruneHandler } from './maintenance/outbox-prune.handler';
import { OutboxRelay } from './outbox/outbox-relay';
import { QueueWorkers } from './queues/queue-workers';

/** The worker: queue processors, the outbox relay and the recurring maintenance jobs. */
@Module({
  imports: [
    CoreModule,
    ClsModule.forRoot({ global: true }),
    LoggingModule.forRoot(),
    DbModule,
    QueueModule,
    JobHandlersModule,
    AuditModule,
  ],
  providers: [
    OutboxRelay,
    QueueWorkers,
    OutboxPruneHandler,
    AuditSealHandler,
    RetentionRepository,
    RetentionScanHandler,
  ],
})
export class WorkerModule {}
