import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A job that a committed domain change owes the queue. Written in the same transaction as the
 * change, moved to BullMQ by the worker's relay under a deterministic job id, so a job exists
 * if and only if its change committed, and exactly once.
 */
@Entity({ name: 'outbox' })
@Index('outbox_pending_idx', ['createdAt', 'id'], { where: 'dispatched_at IS NULL' })
@Index('outbox_dispatched_at_idx', ['dispatchedAt'], { where: 'dispatched_at IS NOT NULL' })
export class OutboxEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  clinicId!: string;

  @Column('text')
  queue!: string;

  @Column('text')
  jobName!: string;

  /** Ids only (never health data): Redis keeps job data in clear text. */
  @Column('jsonb')
  payload!: Record<string, unknown>;

  /** The BullMQ job id (see `jobIdOf`); null takes the row's id. */
  @Column('text', { nullable: true })
  jobId!: string | null;

  /** When the job should run; null runs it at once. */
  @Column('timestamptz', { nullable: true })
  runAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  dispatchedAt!: Date | null;
}
