import { Injectable, Logger } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { NotificationSender } from '@meridian/notifications';
import { EMAIL_ATTEMPTS, EmailSendPayload, JobHandler, JobName } from '@meridian/queue';

/**
 * Sends a stored notification. A failure is recorded in a transaction of its own (the send's
 * rolled back) and rethrown, so BullMQ retries with backoff; after the last attempt the
 * notification is failed, for admins to see.
 */
@Injectable()
export class EmailSendHandler {
  private readonly logger = new Logger(EmailSendHandler.name);

  constructor(
    private readonly tx: TenantTransaction,
    private readonly sender: NotificationSender,
  ) {}

  @JobHandler(JobName.EmailSend)
  async send(payload: EmailSendPayload): Promise<void> {
    try {
      const outcome = await this.tx.run(payload.clinicId, () =>
        this.sender.send(payload.notificationId),
      );
      this.logger.log({ notificationId: payload.notificationId, outcome }, 'e-mail job done');
    } catch (error) {
      await this.tx.run(payload.clinicId, () =>
        this.sender.recordFailure(payload.notificationId, error, EMAIL_ATTEMPTS),
      );
      throw error;
    }
  }
}
