import { Injectable } from '@nestjs/common';
import { Mailer } from './mailer';
import { NotificationsRepository } from './notifications.repository';

/** What sending a stored notification came to. */
export type SendOutcome = 'sent' | 'not-pending' | 'missing';

/**
 * Sends one stored notification, in the clinic's tenant transaction: locked, so two deliveries
 * of its job cannot both send; sent only while pending, so a redelivered job is a no-op.
 */
@Injectable()
export class NotificationSender {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mailer: Mailer,
  ) {}

  async send(id: string): Promise<SendOutcome> {
    const notification = await this.notifications.lock(id);
    if (!notification) return 'missing';
    // Sent already, failed for good, or cancelled (a moved or cancelled appointment).
    if (notification.status !== 'pending') return 'not-pending';
    await this.mailer.send({
      id: notification.id,
      to: notification.recipient,
      subject: notification.subject,
      text: notification.body,
    });
    await this.notifications.markSent(id);
    return 'sent';
  }

  recordFailure(id: string, error: unknown, maxAttempts: number): Promise<void> {
    const { code, message } = error as { code?: string; message?: string };
    return this.notifications.recordFailure(id, code ?? message ?? 'send failed', maxAttempts);
  }
}
