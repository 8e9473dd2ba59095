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

  /** Stores and schedules the message (at `sendAt`, or now); the id, or null if it existed. */
  async send(message: Omit<NewNotification, 'id'>, sendAt?: Date): Promise<string | null> {
    const id = uuid();
    if (!(await this.notifications.insertOnce({ ...message, id }))) return null;
    await this.outbox.add(
      JobName.EmailSend,
      { clinicId: this.notifications.clinicId, notificationId: id },
      { runAt: sendAt },
    );
    return id;
  }

  /** Cancels what is still pending for a reason that went away (`reminder:<appointment>:`). */
  cancelPending(sourceKeyPrefix: string): Promise<void> {
    return this.notifications.cancelPending(sourceKeyPrefix);
  }
}
