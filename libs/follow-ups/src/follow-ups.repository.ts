import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { FollowUpTaskEntity } from './follow-up-task.entity';

export type NewFollowUpTask = Omit<
  FollowUpTaskEntity,
  'clinicId' | 'status' | 'createdAt' | 'updatedAt' | 'version'
>;

/** Follow-up tasks of the clinic the current tenant transaction serves. */
@Injectable()
export class FollowUpsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * Inserts a task unless one with its source key exists (the unique constraint decides, so
   * two runs of the same job cannot both insert). True when this call inserted it.
   */
  async insertOnce(task: NewFollowUpTask): Promise<boolean> {
    const rows = (await this.tx.manager.query(
      `INSERT INTO follow_up_tasks (id, clinic_id, client_id, type, priority, assignee_user_id,
                                    assignee_queue, due_at, note, source_key, created_by, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)
       ON CONFLICT (clinic_id, source_key) DO NOTHING
       RETURNING id`,
      [
        task.id,
        this.tx.clinicId,
        task.clientId,
        task.type,
        task.priority,
        task.assigneeUserId,
        task.assigneeQueue,
        task.dueAt,
        task.note,
        task.sourceKey,
        task.createdBy,
      ],
    )) as unknown[];
    return rows.length > 0;
  }

  /** A client's tasks, oldest due first: for the export. */
  async ofClient(clientId: string): Promise<FollowUpTaskEntity[]> {
    return this.tx.manager.find(FollowUpTaskEntity, {
      where: { clinicId: this.tx.clinicId, clientId },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
  }

  /** Erasure: a task's note may hold health data, and the task names the client. */
  async deleteOf(clientId: string): Promise<void> {
    await this.tx.manager.delete(FollowUpTaskEntity, { clinicId: this.tx.clinicId, clientId });
  }
}
