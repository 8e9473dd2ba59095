import { ClientEntity } from '@meridian/clients/client.entity';
import { UserEntity } from '@meridian/users/user.entity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const FOLLOW_UP_TYPES = [
  'call',
  'email',
  'book-appointment',
  'review-plan',
  'send-questionnaire',
  'other',
] as const;
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const RECURRENCE_UNITS = ['days', 'weeks'] as const;
export type RecurrenceUnit = (typeof RECURRENCE_UNITS)[number];

export const FOLLOW_UP_PRIORITIES = ['normal', 'urgent'] as const;
export type FollowUpPriority = (typeof FOLLOW_UP_PRIORITIES)[number];

/** The shared queue a task may be assigned to instead of a person. */
export const ASSIGNEE_QUEUES = ['reception'] as const;
export type AssigneeQueue = (typeof ASSIGNEE_QUEUES)[number];

/**
 * Work someone must do for a client by a due time: a call, a plan review. Assigned to a user
 * or to the reception queue, never both. A task raised by an event (a phase end, a flagged
 * questionnaire) carries that event's `source_key`, unique in the clinic, so that a job run
 * twice raises it once.
 */
@Entity({ name: 'follow_up_tasks' })
@Unique('follow_up_tasks_clinic_id_id_key', ['clinicId', 'id'])
@Unique('follow_up_tasks_clinic_id_source_key_key', ['clinicId', 'sourceKey'])
@Index('follow_up_tasks_status_due_idx', ['clinicId', 'status', 'dueAt'])
@Index('follow_up_tasks_client_idx', ['clinicId', 'clientId'])
// The reconciler's questions, across clinics: which open tasks are owed a notice.
@Index('follow_up_tasks_unnotified_idx', ['dueAt'], {
  where: `status = 'open' AND notified_at IS NULL`,
})
@Index('follow_up_tasks_unescalated_idx', ['dueAt'], {
  where: `status = 'open' AND escalated_at IS NULL`,
})
@Check(
  'follow_up_tasks_type_check',
  `type IN ('call', 'email', 'book-appointment', 'review-plan', 'send-questionnaire', 'other')`,
)
@Check('follow_up_tasks_status_check', `status IN ('open', 'done', 'cancelled')`)
@Check('follow_up_tasks_priority_check', `priority IN ('normal', 'urgent')`)
@Check(
  'follow_up_tasks_recurrence_check',
  `(recurrence_every IS NULL) = (recurrence_unit IS NULL) AND (recurrence_every IS NULL OR recurrence_every > 0) AND (recurrence_unit IS NULL OR recurrence_unit IN ('days', 'weeks'))`,
)
@Check(
  'follow_up_tasks_assignee_check',
  `(assignee_user_id IS NULL) <> (assignee_queue IS NULL) AND (assignee_queue IS NULL OR assignee_queue = 'reception')`,
)
export class FollowUpTaskEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'follow_up_tasks_pkey' })
  id!: string;

  @Column('uuid')
  clinicId!: string;

  @Column('uuid')
  clientId!: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'follow_up_tasks_client_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'follow_up_tasks_client_fkey',
    },
  ])
  client?: ClientEntity;

  @Column('text')
  type!: FollowUpType;

  @Column('text', { default: 'normal' })
  priority!: FollowUpPriority;

  @Column('uuid', { nullable: true })
  assigneeUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'follow_up_tasks_assignee_fkey',
    },
    {
      name: 'assignee_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'follow_up_tasks_assignee_fkey',
    },
  ])
  assignee?: UserEntity;

  @Column('text', { nullable: true })
  assigneeQueue!: AssigneeQueue | null;

  @Column('timestamptz')
  dueAt!: Date;

  /** What to do; may name clinical facts, so it is shown only to who may see them. */
  @Column('text', { nullable: true })
  note!: string | null;

  @Column('text', { default: 'open' })
  status!: FollowUpStatus;

  /** The event that raised the task (`self-harm:<measurement id>`); null for a manual task. */
  @Column('text', { nullable: true })
  sourceKey!: string | null;

  /** Null when the system raised the task. */
  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  /** `every N days|weeks`: completing the task creates the next one. */
  @Column('integer', { nullable: true })
  recurrenceEvery!: number | null;

  @Column('text', { nullable: true })
  recurrenceUnit!: RecurrenceUnit | null;

  /** No occurrence after this day (clinic calendar). */
  @Column('date', { nullable: true })
  recurrenceUntil!: string | null;

  /** How many occurrences the series has in all, this one included; null for no limit. */
  @Column('integer', { nullable: true })
  recurrenceCount!: number | null;

  /** 1 for the first task of a series, 2 for the one its completion created, ... */
  @Column('integer', { default: 1 })
  occurrence!: number;

  /** The first task of the series (its own id for the first). */
  @Column('uuid', { nullable: true })
  seriesId!: string | null;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @Column('uuid', { nullable: true })
  completedBy!: string | null;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt!: Date | null;

  @Column('uuid', { nullable: true })
  cancelledBy!: string | null;

  @Column('text', { nullable: true })
  cancelReason!: string | null;

  /** When the assignee was told the task is due; set once. */
  @Column('timestamptz', { nullable: true })
  notifiedAt!: Date | null;

  /** When the managers were told the task stayed open past the grace period; set once. */
  @Column('timestamptz', { nullable: true })
  escalatedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
