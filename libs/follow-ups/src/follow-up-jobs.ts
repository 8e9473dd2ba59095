import { Injectable } from '@nestjs/common';
import { ClinicsRepository } from '@meridian/clinics/clinics.repository';
import { JobName, Outbox } from '@meridian/queue';
import { FollowUpTaskEntity } from './follow-up-task.entity';
import { FollowUpsRepository, NewFollowUpTask } from './follow-ups.repository';

const HOUR = 3_600_000;

/**
 * The jobs an open task owes: `follow-ups.due` at its due time and `follow-ups.escalate` a
 * grace period later, written to the outbox with the task's change. Each change of the task
 * asks again under its new version; the handlers re-read the task, so the jobs of an earlier
 * version do nothing the current one would not.
 */
@Injectable()
export class FollowUpJobs {
  constructor(
    private readonly tasks: FollowUpsRepository,
    private readonly clinics: ClinicsRepository,
    private readonly outbox: Outbox,
  ) {}

  async schedule(task: Pick<FollowUpTaskEntity, 'id' | 'version' | 'dueAt' | 'status'>) {
    if (task.status !== 'open') return;
    const clinic = await this.clinics.findCurrent();
    if (!clinic) return;
    const data = { clinicId: clinic.id, followUpId: task.id, version: task.version };
    await this.outbox.add(JobName.FollowUpDue, data, { runAt: task.dueAt });
    const graceHours = clinic.escalationGraceHours;
    await this.outbox.add(
      JobName.FollowUpEscalate,
      { ...data, graceHours },
      {
        runAt: new Date(task.dueAt.getTime() + graceHours * HOUR),
      },
    );
  }

  /** Raises a task an event asked for, once per source key, with its jobs. */
  async raise(task: NewFollowUpTask): Promise<boolean> {
    const inserted = await this.tasks.insertOnce(task);
    if (inserted) await this.schedule({ ...task, version: 1, status: 'open' });
    return inserted;
  }
}
