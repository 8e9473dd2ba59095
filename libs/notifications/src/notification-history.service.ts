import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import {
  ListNotificationsQuery,
  NotificationList,
  toNotificationResponse,
} from './dto/notification.dto';
import { NotificationsRepository } from './notifications.repository';

const LIMIT = 100;

/**
 * The clinic's delivery record for admins: above all the messages that failed for good (the
 * address bounced, the mail server refused them after every retry), so someone can correct
 * the address or tell the person another way. Listing them is in the access log: they name
 * clients and their addresses.
 */
@Injectable()
export class NotificationHistory {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(query: ListNotificationsQuery): Promise<NotificationList> {
    const rows = await this.notifications.recent(query.status ?? 'failed', LIMIT);
    await this.audit.record({
      action: AuditAction.Search,
      resourceType: 'notification',
      clientIds: [...new Set(rows.flatMap((row) => (row.clientId ? [row.clientId] : [])))],
    });
    return { data: rows.map(toNotificationResponse) };
  }
}
