import { Injectable, OnModuleInit } from '@nestjs/common';
import { ClientDataRegistry } from '@meridian/clients';
import { FollowUpsRepository } from './follow-ups.repository';

/** Follow-up tasks join the client's export and go with an erasure. */
@Injectable()
export class FollowUpRecords implements OnModuleInit {
  constructor(
    private readonly tasks: FollowUpsRepository,
    private readonly registry: ClientDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'followUps',
      collect: async (clientId) =>
        (await this.tasks.ofClient(clientId)).map((task) => ({
          id: task.id,
          type: task.type,
          priority: task.priority,
          assigneeUserId: task.assigneeUserId,
          assigneeQueue: task.assigneeQueue,
          dueAt: task.dueAt.toISOString(),
          note: task.note,
          status: task.status,
          createdAt: task.createdAt.toISOString(),
        })),
      erase: (clientId) => this.tasks.deleteOf(clientId),
    });
  }
}
