import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export const NOTIFICATION_KINDS = [
  'appointment-reminder',
  'follow-up-due',
  'follow-up-escalation',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One e-mail the service sends, written before it is sent: the message as it will go out (so a
 * retry sends the same), and whether it went. A message is sent at most once per row; the
 * source key (`reminder:<appointment>:<start>`) makes the row itself exist once per reason.
 * Messages say nothing clinical, by the templates that write them.
 */
@Entity({ name: 'notifications' })
@Unique('notifications_clinic_id_id_key', ['clinicId', 'id'])
@Unique('notifications_clinic_id_source_key_key', ['clinicId', 'sourceKey'])
@Index('notifications_status_idx', ['clinicId', 'status', 'createdAt'])
@Index('notifications_client_idx', ['clinicId', 'clientId'])
@Index('notifications_pending_idx', ['createdAt'], { where: `status = 'pending'` })
@Check(
  'notifications_kind_check',
  `kind IN ('appointment-reminder', 'follow-up-due', 'follow-up-escalation')`,
)
@Check('notifications_status_check', `status IN ('pending', 'sent', 'failed', 'cancelled')`)
export class NotificationEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'notifications_pkey' })
  id!: string;

  @Column('uuid')
  clinicId!: string;

  @Column('text')
  kind!: NotificationKind;

  @Column('text')
  sourceKey!: string;

  /** The client a reminder went to, so an erasure finds it. */
  @Column('uuid', { nullable: true })
  clientId!: string | null;

  /** The staff member a task notification went to. */
  @Column('uuid', { nullable: true })
  userId!: string | null;

  @Column('text')
  recipient!: string;

  @Column('text')
  subject!: string;

  @Column('text')
  body!: string;

  @Column('text', { default: 'pending' })
  status!: NotificationStatus;

  @Column('integer', { default: 0 })
  attempts!: number;

  /** Why the last attempt failed: the transport's error, never the message. */
  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
