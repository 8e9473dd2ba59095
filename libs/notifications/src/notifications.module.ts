import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { ClientsModule } from '@meridian/clients';
import { QueueModule } from '@meridian/queue';
import { Mailer } from './mailer';
import { NotificationHistory } from './notification-history.service';
import { NotificationRecords } from './notification-records.service';
import { NotificationSender } from './notification-sender';
import { NotificationsRepository } from './notifications.repository';
import { Notifications } from './notifications.service';

/** E-mail: stored, scheduled through the outbox, sent once by the worker. */
@Module({
  imports: [AuditModule, ClientsModule, QueueModule],
  providers: [
    NotificationsRepository,
    Notifications,
    Mailer,
    NotificationSender,
    NotificationRecords,
    NotificationHistory,
  ],
  exports: [
    NotificationsRepository,
    Notifications,
    Mailer,
    NotificationSender,
    NotificationHistory,
  ],
})
export class NotificationsModule {}
