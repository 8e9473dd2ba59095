import { Injectable, OnModuleInit } from '@nestjs/common';
import { ClientDataRegistry } from '@meridian/clients';
import { NotificationsRepository } from './notifications.repository';

/** Messages sent to a client join their export and go with an erasure. */
@Injectable()
export class NotificationRecords implements OnModuleInit {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly registry: ClientDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'notifications',
      collect: async (clientId) =>
        (await this.notifications.ofClient(clientId)).map((notification) => ({
          id: notification.id,
          kind: notification.kind,
          recipient: notification.recipient,
          subject: notification.subject,
          body: notification.body,
          status: notification.status,
          sentAt: notification.sentAt?.toISOString() ?? null,
          createdAt: notification.createdAt.toISOString(),
        })),
      erase: (clientId) => this.notifications.deleteOf(clientId),
    });
  }
}
