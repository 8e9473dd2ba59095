import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { NotificationEntity, NotificationStatus } from './notification.entity';

export type NewNotification = Pick<
  NotificationEntity,
  'id' | 'kind' | 'sourceKey' | 'clientId' | 'userId' | 'recipient' | 'subject' | 'body'
>;

/** Notifications of the clinic the current tenant transaction serves. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  get clinicId(): string {
    return this.tx.clinicId;
  }

  /** Inserts the notification unless one with its source key exists; true when inserted. */
  async insertOnce(notification: NewNotification): Promise<boolean> {
    const rows = (await this.tx.query(
      `INSERT INTO notifications (id, clinic_id, kind, source_key, client_id, user_id, recipient,
                                  subject, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (clinic_id, source_key) DO NOTHING
       RETURNING id`,
      [
        notification.id,
        this.tx.clinicId,
        notification.kind,
        notification.sourceKey,
        notification.clientId,
        notification.userId,
        notification.recipient,
        notification.subject,
        notification.body,
      ],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * What sending the notification needs, locked until the transaction ends: one sender at a
   * time.
   */
  async lock(
    id: string,
  ): Promise<Pick<NotificationEntity, 'id' | 'status' | 'recipient' | 'subject' | 'body'> | null> {
    const [row] = (await this.tx.query(
      `SELECT id, status, recipient, subject, body FROM notifications
       WHERE clinic_id = $1 AND id = $2
       FOR UPDATE`,
      [this.tx.clinicId, id],
    )) as Pick<NotificationEntity, 'id' | 'status' | 'recipient' | 'subject' | 'body'>[];
    return row ?? null;
  }

  async markSent(id: string): Promise<void> {
    await this.tx.query(
      `UPDATE notifications SET status = 'sent', sent_at = now(), attempts = attempts + 1,
                                last_error = NULL, updated_at = now()
       WHERE clinic_id = $1 AND id = $2`,
      [this.tx.clinicId, id],
    );
  }

  /** Counts a failed attempt; after `maxAttempts` the notification is failed for good. */
  async recordFailure(id: string, error: string, maxAttempts: number): Promise<void> {
    await this.tx.manager.query(
      `UPDATE notifications
       SET attempts = attempts + 1, last_error = $3, updated_at = now(),
           status = CASE WHEN attempts + 1 >= $4 THEN 'failed' ELSE status END
       WHERE clinic_id = $1 AND id = $2 AND status = 'pending'`,
      [this.tx.clinicId, id, error.slice(0, 500), maxAttempts],
    );
  }

  /** Cancels the pending notifications whose source key starts with `prefix`. */
  async cancelPending(prefix: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE notifications SET status = 'cancelled', updated_at = now()
       WHERE clinic_id = $1 AND status = 'pending' AND starts_with(source_key, $2)`,
      [this.tx.clinicId, prefix],
    );
  }

  /** The most recently changed notifications with `status`, newest first. */
  async recent(status: NotificationStatus, limit: number): Promise<NotificationEntity[]> {
    return this.tx.manager.find(NotificationEntity, {
      where: { clinicId: this.tx.clinicId, status },
      order: { updatedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  async ofClient(clientId: string): Promise<NotificationEntity[]> {
    return this.tx.manager.find(NotificationEntity, {
      where: { clinicId: this.tx.clinicId, clientId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Erasure: the messages name the client and carry their address. */
  async deleteOf(clientId: string): Promise<void> {
    await this.tx.manager.delete(NotificationEntity, { clinicId: this.tx.clinicId, clientId });
  }
}
