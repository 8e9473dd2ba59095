import { Injectable } from '@nestjs/common';
import { Role } from '@meridian/auth/access/role';
import { Notifications } from '@meridian/notifications';
import { EARLY_RUN_TOLERANCE_MS } from '@meridian/queue';
import { UsersRepository } from '@meridian/users/users.repository';
import { followUpMessage } from './follow-up-message';
import { FollowUpsRepository, NoticeFacts } from './follow-ups.repository';

const HOUR = 3_600_000;

/** What a notice job came to. */
export type Told = 'told' | 'already-told' | 'not-yet' | 'moot';

/**
 * Telling people about follow-up tasks, run by the worker in the clinic's tenant transaction:
 * the assignee when a task falls due, the managers once when it is still open a grace period
 * later. The task is locked and re-read, so a job of an earlier version, a second delivery or
 * a done task does nothing; each recipient's e-mail has a source key of its own.
 */
@Injectable()
export class FollowUpNotices {
  constructor(
    private readonly tasks: FollowUpsRepository,
    private readonly users: UsersRepository,
    private readonly notifications: Notifications,
  ) {}

  /**
   * The assignee, or everyone at reception for the queue or when the assignee has left (the
   * managers, else the admins, in a clinic without a receptionist).
   */
  async due(taskId: string): Promise<Told> {
    const task = await this.tasks.noticeFacts(taskId);
    if (!task || task.status !== 'open') return 'moot';
    if (task.notifiedAt) return 'already-told';
    if (task.dueAt.getTime() > Date.now() + EARLY_RUN_TOLERANCE_MS) return 'not-yet';
    const recipients =
      task.assigneeStatus === 'active'
        ? [{ id: task.assigneeId!, email: task.assigneeEmail! }]
        : await this.firstToHave(Role.Receptionist, Role.Manager, Role.Admin);
    await this.tell(task, 'due', recipients);
    await this.tasks.markTold(task.id, 'notified_at');
    return 'told';
  }

  /** The managers (the admins in a clinic without one), once per due time. */
  async escalate(taskId: string): Promise<Told> {
    const task = await this.tasks.noticeFacts(taskId);
    if (!task || task.status !== 'open') return 'moot';
    if (task.escalatedAt) return 'already-told';
    const escalatesAt = task.dueAt.getTime() + task.graceHours * HOUR;
    if (escalatesAt > Date.now() + EARLY_RUN_TOLERANCE_MS) return 'not-yet';
    const recipients = await this.firstToHave(Role.Manager, Role.Admin);
    await this.tell(task, 'escalation', recipients);
    await this.tasks.markTold(task.id, 'escalated_at');
    return 'told';
  }

  /** The active users of the first role someone holds: a notice is never told to nobody. */
  private async firstToHave(...roles: Role[]): Promise<{ id: string; email: string }[]> {
    for (const role of roles) {
      const users = await this.users.activeWithRole(role);
      if (users.length > 0) return users;
    }
    return [];
  }

  private async tell(
    task: NoticeFacts,
    notice: 'due' | 'escalation',
    recipients: { id: string; email: string }[],
  ): Promise<void> {
    const message = followUpMessage(task.locale, notice, {
      taskId: task.id,
      type: task.type,
      priority: task.priority,
      dueAt: task.dueAt,
      timeZone: task.timeZone,
      clinicName: task.clinicName,
      graceHours: task.graceHours,
    });
    for (const recipient of recipients) {
      await this.notifications.send({
        kind: notice === 'due' ? 'follow-up-due' : 'follow-up-escalation',
        // Per due time: a task moved to a later time is due again, and told again.
        sourceKey: `follow-up-${notice}:${task.id}:${task.dueAt.getTime()}:${recipient.id}`,
        // The task concerns the client: their erasure takes these messages too.
        clientId: task.clientId,
        userId: recipient.id,
        recipient: recipient.email,
        ...message,
      });
    }
  }
}
