import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@meridian/core';
import { JobName, OutboxRepository, PendingOutboxRow } from '@meridian/queue';
import type { Client } from 'pg';
import { JobPublisher } from '../queues/job-publisher';

const BATCH_SIZE = 100;
const RELISTEN_DELAY_MS = 1_000;
/**
 * How long a NOTIFY waits for others before the relay drains. Every commit that writes outbox
 * rows notifies: in a burst (10,000 follow-ups falling due) hundreds a second, each draining
 * a handful of rows in a transaction of its own; gathering them costs a job this much delay.
 */
const WAKE_DELAY_MS = 20;

/**
 * Moves committed outbox rows to BullMQ. Woken by NOTIFY at each commit, with a poll as the
 * fallback for notifications lost while the listening connection was down. Runs in every
 * worker process; row locks let several relays share the work without publishing a row twice
 * at once, and a row published twice (a relay died before committing) keeps its job id, which
 * BullMQ ignores the second time.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private pollTimer?: NodeJS.Timeout;
  private relistenTimer?: NodeJS.Timeout;
  private wakeTimer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private drainAgain = false;
  private stopped = true;

  constructor(
    private readonly repository: OutboxRepository,
    private readonly config: AppConfig,
    private readonly publisher: JobPublisher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
    this.pollTimer = setInterval(() => void this.drain(), this.config.OUTBOX_POLL_INTERVAL_MS);
    await this.drain();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.relistenTimer);
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    await this.draining;
  }

  /**
   * Publishes every pending row. Calls arriving while a drain runs make it go round once more
   * instead of starting a second one, so a burst of notifications costs one extra pass.
   */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.drainAgain = false;
          while (!this.stopped) {
            const dispatched = await this.repository.dispatchPending(BATCH_SIZE, (rows) =>
              this.publish(rows),
            );
            if (dispatched < BATCH_SIZE) break;
          }
        } while (this.drainAgain && !this.stopped);
      } catch (error) {
        this.logger.error({ err: error }, 'outbox relay pass failed; the next pass retries');
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  /** A NOTIFY: drain soon, once for every notification that arrives meanwhile. */
  private wake(): void {
    this.wakeTimer ??= setTimeout(() => {
      this.wakeTimer = undefined;
      void this.drain();
    }, WAKE_DELAY_MS);
  }

  private publish(rows: PendingOutboxRow[]): Promise<void> {
    return this.publisher.publish(
      rows.map((row) => ({
        jobId: row.jobId ?? row.id,
        name: row.jobName as JobName,
        data: row.payload,
        runAt: row.runAt,
      })),
    );
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    try {
      this.listener = await this.repository.listen(
        () => this.wake(),
        (error) => this.relisten(error),
      );
    } catch (error) {
      this.relisten(error as Error);
    }
  }

  /** The listening connection broke: polling carries on while it is re-opened. */
  private relisten(error: Error): void {
    if (this.stopped) return;
    this.logger.warn({ err: error }, 'outbox listener lost; polling until it is back');
    const broken = this.listener;
    this.listener = undefined;
    void broken?.end().catch(() => undefined);
    clearTimeout(this.relistenTimer);
    this.relistenTimer = setTimeout(() => {
      void this.listen().then(() => this.drain());
    }, RELISTEN_DELAY_MS);
  }
}
