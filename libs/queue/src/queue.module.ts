import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppConfig } from '@meridian/core';
import { QUEUE_NAMES } from './jobs/queue-name';
import { Outbox } from './outbox/outbox.service';
import { OutboxRepository } from './outbox/outbox.repository';
import { QueueErrors } from './queue-errors';
import { OwedJobsRepository } from './reconcile/owed-jobs.repository';

/**
 * The BullMQ connection (from REDIS_URL, every key under REDIS_PREFIX), one injectable Queue
 * per queue name, and the outbox through which domain code asks for jobs.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.REDIS_URL },
        prefix: config.REDIS_PREFIX,
      }),
    }),
    BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
  ],
  providers: [Outbox, OutboxRepository, OwedJobsRepository, QueueErrors],
  exports: [BullModule, Outbox, OutboxRepository, OwedJobsRepository],
})
export class QueueModule {}
