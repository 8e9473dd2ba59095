import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { ClientsService, formatClientNumber } from '@meridian/clients';
import { ClinicsRepository } from '@meridian/clinics';
import {
  Actor,
  addCalendarDays,
  FieldError,
  RequestException,
  staleVersion,
  todayIn,
} from '@meridian/core';
import { UsersRepository } from '@meridian/users/users.repository';
import { v7 as uuid } from 'uuid';
import {
  AssigneeDto,
  CreateFollowUpDto,
  FollowUpPage,
  FollowUpResponse,
  ListFollowUpsQuery,
  UpdateFollowUpDto,
} from './dto/follow-up.dto';
import { FollowUpJobs } from './follow-up-jobs';
import { FollowUpTaskEntity } from './follow-up-task.entity';
import { FollowUpsException } from './follow-ups.exception';
import { FollowUpsRepository, TaskRow } from './follow-ups.repository';

const RESOURCE = 'follow-up';
const DAY = 86_400_000;
/** Due dates a clinic plausibly means: not long past, not beyond a few years. */
const EARLIEST_DUE_DAYS = 365;
const LATEST_DUE_DAYS = 5 * 365;

/**
 * Follow-up tasks (design section 8): assigned to a user or the reception queue, worked to
 * done or cancelled; a recurring task creates the next occurrence when completed. A task's
 * note may be clinical, so it is shown only to who may see it (see `mayReadNote`).
 */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly tasks: FollowUpsRepository,
    private readonly jobs: FollowUpJobs,
    private readonly clients: ClientsService,
    private readonly users: UsersRepository,
    private readonly clinics: ClinicsRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor, query: ListFollowUpsQuery): Promise<FollowUpPage> {
    const assignee = query.assignee?.toLowerCase();
    const dueAfter = query.dueAfter ? new Date(query.dueAfter) : undefined;
    const dueBefore = query.dueBefore ? new Date(query.dueBefore) : undefined;
    if (dueAfter && dueBefore && dueBefore <= dueAfter) {
      throw RequestException.invalidFields([
        { field: 'dueBefore', message: 'must be after dueAfter' },
      ]);
    }
    const page = await this.tasks.list(
      {
        status: query.status,
        type: query.type,
        assigneeUserId:
          assignee === 'me' ? actor.userId : assignee === 'reception' ? undefined : assignee,
        assigneeQueue: assignee === 'reception' ? 'reception' : undefined,
        clientId: query.clientId,
        dueAfter: dueAfter?.toISOString(),
        dueBefore: dueBefore?.toISOString(),
        now: new Date().toISOString(),
      },
      query.limit,
      query.cursor,
    );
    const clientIds = [...new Set(page.data.map((row) => row.task.clientId))];
    const access = await this.clients.accessTo(actor, clientIds);
    await this.audit.record({
      action: AuditAction.Search,
      resourceType: RESOURCE,
      clientIds,
      purpose: [...access.values()].some((value) => value !== null)
        ? 'treatment'
        : 'administration',
    });
    return {
      data: page.data.map((row) =>
        toResponse(row, mayReadNote(actor, row.task, access.get(row.task.clientId) != null)),
      ),
      nextCursor: page.nextCursor,
    };
  }

  async get(actor: Actor, id: string): Promise<FollowUpResponse> {
    const row = await this.tasks.row(id);
    if (!row) throw FollowUpsException.notFound();
    await this.log(AuditAction.Read, row.task);
    return this.response(actor, row);
  }

  async create(actor: Actor, input: CreateFollowUpDto): Promise<FollowUpResponse> {
    await this.clients.requireWritable(input.clientId);
    const errors = dueProblems('dueAt', new Date(input.dueAt));
    if (input.recurrence?.until && input.recurrence.until < input.dueAt.slice(0, 10)) {
      errors.push({ field: 'recurrence.until', message: 'must not be before the first due date' });
    }
    if (errors.length > 0) throw RequestException.invalidFields(errors);
    const id = uuid();
    const task = await this.tasks.insert({
      id,
      clientId: input.clientId,
      type: input.type,
      priority: input.priority ?? 'normal',
      ...(await this.assignee(input.assignee)),
      dueAt: new Date(input.dueAt),
      note: input.note ?? null,
      status: 'open',
      sourceKey: null,
      createdBy: actor.userId,
      recurrenceEvery: input.recurrence?.every ?? null,
      recurrenceUnit: input.recurrence?.unit ?? null,
      recurrenceUntil: input.recurrence?.until ?? null,
      recurrenceCount: input.recurrence?.count ?? null,
      occurrence: 1,
      seriesId: input.recurrence ? id : null,
      ...NOT_CLOSED,
    });
    await this.jobs.schedule(task);
    await this.log(AuditAction.Create, task);
    return this.responseOf(actor, task.id);
  }

  async update(
    actor: Actor,
    id: string,
    version: number,
    input: UpdateFollowUpDto,
  ): Promise<FollowUpResponse> {
    const task = await this.requireOpen(id);
    if (task.version !== version) throw staleVersion();
    if (input.dueAt !== undefined) {
      const errors = dueProblems('dueAt', new Date(input.dueAt));
      if (errors.length > 0) throw RequestException.invalidFields(errors);
      task.dueAt = new Date(input.dueAt);
      // A new due time is a new reason to tell the assignee.
      task.notifiedAt = null;
      task.escalatedAt = null;
    }
    if (input.assignee !== undefined) {
      const before = [task.assigneeUserId, task.assigneeQueue];
      Object.assign(task, await this.assignee(input.assignee));
      // Someone new to tell: the notice goes to them (each recipient is told once).
      if (before[0] !== task.assigneeUserId || before[1] !== task.assigneeQueue) {
        task.notifiedAt = null;
      }
    }
    if (input.type !== undefined) task.type = input.type;
    if (input.priority !== undefined) task.priority = input.priority;
    if (input.note !== undefined) task.note = input.note;
    await this.tasks.save(task);
    // The assignee or due time may have changed: the jobs of the new version decide.
    await this.jobs.schedule(task);
    await this.log(AuditAction.Update, task);
    return this.responseOf(actor, task.id);
  }

  /** Done, with an outcome; a recurring task creates its next occurrence. */
  async complete(actor: Actor, id: string, outcome?: string): Promise<FollowUpResponse> {
    const task = await this.requireOpen(id);
    Object.assign(task, {
      status: 'done',
      completedAt: new Date(),
      completedBy: actor.userId,
      outcome: outcome ?? null,
    });
    await this.tasks.save(task);
    const next = await this.nextOccurrence(task);
    await this.log(AuditAction.Update, task);
    return { ...(await this.responseOf(actor, task.id)), ...(next ? { nextId: next.id } : {}) };
  }

  async cancel(actor: Actor, id: string, reason: string): Promise<FollowUpResponse> {
    const task = await this.requireOpen(id);
    Object.assign(task, {
      status: 'cancelled',
      cancelledAt: new Date(),
      cancelledBy: actor.userId,
      cancelReason: reason,
    });
    await this.tasks.save(task);
    await this.log(AuditAction.Update, task);
    return this.responseOf(actor, task.id);
  }

  /**
   * The series' next task: due one interval after this one at the same wall-clock time,
   * unless that passes `until` or the series already has `count` occurrences.
   */
  private async nextOccurrence(task: FollowUpTaskEntity): Promise<FollowUpTaskEntity | null> {
    if (!task.recurrenceEvery || !task.recurrenceUnit) return null;
    if (task.recurrenceCount !== null && task.occurrence >= task.recurrenceCount) return null;
    const days = task.recurrenceEvery * (task.recurrenceUnit === 'weeks' ? 7 : 1);
    const timeZone = await this.clinics.timeZone();
    // On the clinic's calendar: a weekly 09:00 call stays at 09:00 when the clocks change.
    const dueAt = addCalendarDays(task.dueAt, days, timeZone);
    if (task.recurrenceUntil !== null && todayIn(timeZone, dueAt) > task.recurrenceUntil) {
      return null;
    }
    const next = await this.tasks.insert({
      ...task,
      id: uuid(),
      dueAt,
      status: 'open',
      occurrence: task.occurrence + 1,
      // One next occurrence per task, however often completion is retried.
      sourceKey: `series:${task.seriesId}:${task.occurrence + 1}`,
      ...NOT_CLOSED,
    });
    await this.jobs.schedule(next);
    return next;
  }

  /** A user of this clinic, active (404 otherwise: another clinic's user does not exist here). */
  private async assignee(
    assignee: AssigneeDto,
  ): Promise<Pick<FollowUpTaskEntity, 'assigneeUserId' | 'assigneeQueue'>> {
    if (assignee.userId === undefined) return { assigneeUserId: null, assigneeQueue: 'reception' };
    const user = await this.users.findById(assignee.userId);
    if (!user || user.status !== 'active') throw FollowUpsException.assigneeNotFound();
    return { assigneeUserId: user.id, assigneeQueue: null };
  }

  private async requireOpen(id: string): Promise<FollowUpTaskEntity> {
    const found = await this.tasks.findById(id);
    if (!found) throw FollowUpsException.notFound();
    const task = await this.clients.lockAfterClient(found, () => this.tasks.findById(id, true));
    if (task.status !== 'open') throw FollowUpsException.notOpen(task.status);
    return task;
  }

  private async responseOf(actor: Actor, id: string): Promise<FollowUpResponse> {
    const row = await this.tasks.row(id);
    if (!row) throw FollowUpsException.notFound();
    return this.response(actor, row);
  }

  private async response(actor: Actor, row: TaskRow): Promise<FollowUpResponse> {
    const access = (await this.clients.accessTo(actor, [row.task.clientId])).get(row.task.clientId);
    return toResponse(row, mayReadNote(actor, row.task, access != null));
  }

  private async log(action: AuditAction, task: FollowUpTaskEntity): Promise<void> {
    await this.audit.record({
      action,
      resourceType: RESOURCE,
      resourceId: task.id,
      clientId: task.clientId,
      purpose: 'administration',
    });
  }
}

const NOT_CLOSED = {
  completedAt: null,
  completedBy: null,
  outcome: null,
  cancelledAt: null,
  cancelledBy: null,
  cancelReason: null,
  notifiedAt: null,
  escalatedAt: null,
};

function dueProblems(field: string, dueAt: Date): FieldError[] {
  const now = Date.now();
  if (
    dueAt.getTime() < now - EARLIEST_DUE_DAYS * DAY ||
    dueAt.getTime() > now + LATEST_DUE_DAYS * DAY
  ) {
    return [{ field, message: 'must be within a year ago and five years ahead' }];
  }
  return [];
}

/**
 * A task's note may be clinical (a plan review, a practitioner's reminder to themself). It is
 * shown to the assignee, to whoever wrote it, to practitioners with clinical access to the
 * client, and — since those notes are written for the desk — on tasks for the reception queue.
 */
function mayReadNote(actor: Actor, task: FollowUpTaskEntity, clinicalAccess: boolean): boolean {
  return (
    task.assigneeQueue === 'reception' ||
    task.assigneeUserId === actor.userId ||
    task.createdBy === actor.userId ||
    clinicalAccess
  );
}

function toResponse(row: TaskRow, noteVisible: boolean): FollowUpResponse {
  const task = row.task;
  return {
    id: task.id,
    client: {
      id: task.clientId,
      name: row.clientName,
      clientNumber: formatClientNumber(row.clientNumber),
    },
    type: task.type,
    priority: task.priority,
    assignee: task.assigneeUserId
      ? { userId: task.assigneeUserId, name: row.assigneeName ?? '' }
      : { queue: task.assigneeQueue ?? 'reception' },
    dueAt: task.dueAt.toISOString(),
    status: task.status,
    overdue: task.status === 'open' && task.dueAt.getTime() < Date.now(),
    note: noteVisible ? task.note : null,
    noteHidden: !noteVisible && task.note !== null,
    recurrence:
      task.recurrenceEvery && task.recurrenceUnit
        ? {
            every: task.recurrenceEvery,
            unit: task.recurrenceUnit,
            until: task.recurrenceUntil,
            count: task.recurrenceCount,
          }
        : null,
    occurrence: task.occurrence,
    completedAt: task.completedAt?.toISOString() ?? null,
    outcome: task.outcome,
    cancelledAt: task.cancelledAt?.toISOString() ?? null,
    cancelReason: task.cancelReason,
    notifiedAt: task.notifiedAt?.toISOString() ?? null,
    escalatedAt: task.escalatedAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    version: task.version,
  };
}
