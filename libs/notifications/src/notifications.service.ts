import { Injectable } from '@nestjs/common';
import { JobName, Outbox } from '@meridian/queue';
import { v7 as uuid } from 'uuid';
import { NewNotification, NotificationsRepository } from './notifications.repository';

/**
 * How domain code sends e-mail: the message is stored with a source key and an `email.send`
 * job is written to the outbox in the same transaction, so it goes out if and only if the
 * change that asked for it commits, and once per source key however often it is asked for.
 */
@Injectable()
export class Notifications {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Stores the message and has it sent now; the id, or null if it existed. There is no "send
   * later": a pending message is owed at once (the reconciler re-sends what is pending), so
   * what is due later (a reminder) is owed by its own record until its time.
   */
  async send(message: Omit<NewNotification, 'id'>): Promise<string | null> {
    const id = uuid();
    if (!(await this.notifications.insertOnce({ ...message, id }))) return null;
    await this.outbox.add(JobName.EmailSend, {
      clinicId: this.notifications.clinicId,
      notificationId: id,
    });
    return id;
  }

  /** Cancels what is still pending for a reason that went away (`reminder:<appointment>:`). */
  cancelPending(sourceKeyPrefix: string): Promise<void> {
    return this.notifications.cancelPending(sourceKeyPrefix);
  }
}
