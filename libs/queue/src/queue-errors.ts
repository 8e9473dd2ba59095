import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES } from './jobs/queue-name';

/** One warning per queue per this long while Redis stays away: enough to see, not a flood. */
const QUIET_MS = 30_000;

/**
 * Listens to the queues' connection errors. Without a listener BullMQ prints each reconnect
 * failure to the console, several a second while Redis is down, past the structured log; the
 * outbox keeps the jobs meanwhile and the health check reports Redis, so a warning now and
 * then is all an operator needs from here.
 */
@Injectable()
export class QueueErrors implements OnModuleInit {
  private readonly logger = new Logger(QueueErrors.name);
  private readonly lastWarned = new Map<string, number>();

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of QUEUE_NAMES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error) => this.warn(name, error));
    }
  }

  private warn(queue: string, error: Error): void {
    const now = Date.now();
    if (now - (this.lastWarned.get(queue) ?? 0) < QUIET_MS) return;
    this.lastWarned.set(queue, now);
    this.logger.warn({ queue, err: { message: error.message } }, 'queue connection error');
  }
}
