import { Module } from '@nestjs/common';
import { CoreModule, LoggingModule } from '@meridian/core';
import { DbModule } from '@meridian/db';
import { JobHandlersModule, QueueModule } from '@meridian/queue';
import { ClsModule } from 'nestjs-cls';
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
  ],
  providers: [OutboxRelay, QueueWorkers, OutboxPruneHandler],
})
export class WorkerModule {}
