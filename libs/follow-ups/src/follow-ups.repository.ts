import { Injectable } from '@nestjs/common';
import { decodeCursor, ISO_MILLIS_PATTERN, keysetPage, Page, UUID_PATTERN } from '@meridian/core';
import { ClientEntity } from '@meridian/clients/client.entity';
import type { ClinicLocale } from '@meridian/clinics/clinic.entity';
import { TenantTransaction } from '@meridian/db';
import { UserEntity } from '@meridian/users/user.entity';
import { SelectQueryBuilder } from 'typeorm';
import { FollowUpTaskEntity, FollowUpType } from './follow-up-task.entity';

/** A task as raised by an event: open, not recurring. */
export type NewFollowUpTask = Pick<
  FollowUpTaskEntity,
  | 'id'
  | 'clientId'
  | 'type'
  | 'priority'
  | 'assigneeUserId'
  | 'assigneeQueue'
  | 'dueAt'
  | 'note'
  | 'sourceKey'
  | 'createdBy'
>;

/** Follow-up tasks of the clinic the current tenant transaction serves. */
/** A task as its due and escalation notices read it (see `noticeFacts`). */
export interface NoticeFacts extends Pick<
  FollowUpTaskEntity,
  'id' | 'clientId' | 'type' | 'priority' | 'status' | 'dueAt' | 'notifiedAt' | 'escalatedAt'
> {
  clinicName: string;
  locale: ClinicLocale;
  timeZone: string;
  graceHours: number;
  /** Null for a task of a queue, or whose assignee is gone. */
  assigneeId: string | null;
  assigneeEmail: string | null;
  assigneeStatus: string | null;
}

@Injectable()
export class FollowUpsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * Inserts a task unless one with its source key exists (the unique constraint decides, so
   * two runs of the same job cannot both insert). True when this call inserted it.
   */
  async insertOnce(task: NewFollowUpTask): Promise<boolean> {
    const rows = (await this.tx.query(
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

  /**
   * What telling people about a task needs, read in one statement with the task locked: the
   * task, its clinic's name, language, clock and grace period, and its assignee. Null when the
   * task is gone.
   */
  async noticeFacts(id: string): Promise<NoticeFacts | null> {
    const [row] = (await this.tx.query(
      `SELECT t.id, t.client_id AS "clientId", t.type, t.priority, t.status, t.due_at AS "dueAt",
              t.notified_at AS "notifiedAt", t.escalated_at AS "escalatedAt",
              k.name AS "clinicName", k.locale, k.time_zone AS "timeZone",
              k.escalation_grace_hours AS "graceHours",
              u.id AS "assigneeId", u.email AS "assigneeEmail", u.status AS "assigneeStatus"
       FROM follow_up_tasks t
       JOIN clinics k ON k.id = t.clinic_id
       LEFT JOIN users u ON u.clinic_id = t.clinic_id AND u.id = t.assignee_user_id
       WHERE t.clinic_id = $1 AND t.id = $2
       FOR UPDATE OF t`,
      [this.tx.clinicId, id],
    )) as NoticeFacts[];
    return row ?? null;
  }

  async findById(id: string, lock = false): Promise<FollowUpTaskEntity | null> {
    return this.tx.manager.findOne(FollowUpTaskEntity, {
      where: { clinicId: this.tx.clinicId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async insert(
    task: Omit<FollowUpTaskEntity, 'clinicId' | 'createdAt' | 'updatedAt' | 'version'>,
  ): Promise<FollowUpTaskEntity> {
    const manager = this.tx.manager;
    return manager.save(
      manager.create(FollowUpTaskEntity, { ...task, clinicId: this.tx.clinicId }),
    );
  }

  async save(task: FollowUpTaskEntity): Promise<FollowUpTaskEntity> {
    return this.tx.manager.save(task);
  }

  /**
   * Tasks by due time, keyset on (due, id), with the client's and assignee's names. Status and
   * the due bounds are ranges of `follow_up_tasks_status_due_idx` (clinic, status, due); type,
   * assignee and client filter the rows it yields in due order. A clinic holds thousands of
   * tasks, not millions: on the scale data set a page of the rarest type among done tasks reads
   * under a thousand index entries (about 2 ms), so type has no index of its own to keep up.
   */
  async list(filter: TaskFilter, limit: number, cursor?: string): Promise<Page<TaskRow>> {
    const query = this.withNames()
      .orderBy('f.due_at')
      .addOrderBy('f.id')
      .limit(limit + 1);
    if (filter.status === 'overdue') {
      query.andWhere(`f.status = 'open' AND f.due_at < :now`, { now: filter.now });
    } else if (filter.status) {
      query.andWhere('f.status = :status', { status: filter.status });
    }
    if (filter.assigneeUserId) {
      query.andWhere('f.assignee_user_id = :user', { user: filter.assigneeUserId });
    }
    if (filter.assigneeQueue) {
      query.andWhere('f.assignee_queue = :queue', { queue: filter.assigneeQueue });
    }
    if (filter.type) query.andWhere('f.type = :type', { type: filter.type });
    if (filter.clientId) query.andWhere('f.client_id = :clientId', { clientId: filter.clientId });
    if (filter.dueAfter) query.andWhere('f.due_at >= :dueAfter', { dueAfter: filter.dueAfter });
    if (filter.dueBefore) query.andWhere('f.due_at < :dueBefore', { dueBefore: filter.dueBefore });
    if (cursor) {
      const [dueAt, id] = decodeCursor(cursor, 2, [ISO_MILLIS_PATTERN, UUID_PATTERN]);
      query.andWhere('(f.due_at, f.id) > (:dueAt, :id)', { dueAt, id });
    }
    return keysetPage(await rowsOf(query), limit, (row) => [
      row.task.dueAt.toISOString(),
      row.task.id,
    ]);
  }

  async row(id: string): Promise<TaskRow | null> {
    const [row] = await rowsOf(this.withNames().andWhere('f.id = :id', { id }));
    return row ?? null;
  }

  private withNames(): SelectQueryBuilder<FollowUpTaskEntity> {
    return this.tx.manager
      .createQueryBuilder(FollowUpTaskEntity, 'f')
      .innerJoin(ClientEntity, 'c', 'c.clinic_id = f.clinic_id AND c.id = f.client_id')
      .leftJoin(UserEntity, 'u', 'u.clinic_id = f.clinic_id AND u.id = f.assignee_user_id')
      .addSelect(`c.first_name || ' ' || c.last_name`, 'client_name')
      .addSelect('c.client_number', 'client_number')
      .addSelect('u.display_name', 'assignee_name')
      .where('f.clinic_id = :clinicId', { clinicId: this.tx.clinicId });
  }

  /**
   * Records that the assignee (`notified_at`) or the managers (`escalated_at`) were told.
   * Bookkeeping of the worker, not a change of the task: the version stays, so nobody's
   * If-Match goes stale because a reminder went out.
   */
  async markTold(id: string, column: 'notified_at' | 'escalated_at'): Promise<void> {
    await this.tx.query(
      `UPDATE follow_up_tasks SET ${column} = now() WHERE clinic_id = $1 AND id = $2`,
      [this.tx.clinicId, id],
    );
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

export interface TaskFilter {
  status?: 'open' | 'overdue' | 'done' | 'cancelled';
  type?: FollowUpType;
  assigneeUserId?: string;
  assigneeQueue?: string;
  clientId?: string;
  /** Inclusive. */
  dueAfter?: string;
  /** Exclusive. */
  dueBefore?: string;
  now: string;
}

/** A task with the names a list shows. */
export interface TaskRow {
  task: FollowUpTaskEntity;
  clientName: string;
  clientNumber: number;
  assigneeName: string | null;
}

async function rowsOf(query: SelectQueryBuilder<FollowUpTaskEntity>): Promise<TaskRow[]> {
  const { entities, raw } = await query.getRawAndEntities<{
    client_name: string;
    client_number: number;
    assignee_name: string | null;
  }>();
  return entities.map((task, index) => ({
    task,
    clientName: raw[index].client_name,
    clientNumber: raw[index].client_number,
    assigneeName: raw[index].assignee_name,
  }));
}
