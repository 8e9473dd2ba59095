import { UserEntity } from '@meridian/users/user.entity';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
} from 'typeorm';
import { ClientEntity } from './client.entity';

export const ERASURE_STATUSES = ['pending', 'refused', 'executed'] as const;
export type ErasureStatus = (typeof ERASURE_STATUSES)[number];

/**
 * A client's request to have their record destroyed (GDPR art. 17, WGBO art. 455), with the
 * deadline for the decision (three months) and the decision: refused with a reason (the WGBO
 * retention, a legal hold) or executed.
 */
@Entity({ name: 'erasure_requests' })
@Unique('erasure_requests_clinic_id_id_key', ['clinicId', 'id'])
@Index('erasure_requests_clinic_id_status_deadline_idx', ['clinicId', 'status', 'deadline'])
@Check('erasure_requests_status_check', `status IN ('pending', 'refused', 'executed')`)
@Check(
  'erasure_requests_decision_check',
  `(status = 'pending') = (decided_at IS NULL) AND (status <> 'refused' OR refusal_reason IS NOT NULL)`,
)
export class ErasureRequestEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'erasure_requests_pkey' })
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
      foreignKeyConstraintName: 'erasure_requests_client_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'erasure_requests_client_fkey',
    },
  ])
  client?: ClientEntity;

  @Column('timestamptz', { default: () => 'now()' })
  requestedAt!: Date;

  @Column('uuid')
  recordedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'erasure_requests_recorded_by_fkey',
    },
    {
      name: 'recorded_by',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'erasure_requests_recorded_by_fkey',
    },
  ])
  recorder?: UserEntity;

  /** The date by which the clinic must decide: three months after the request. */
  @Column('date')
  deadline!: string;

  @Column('text', { default: 'pending' })
  status!: ErasureStatus;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @Column('text', { nullable: true })
  refusalReason!: string | null;
}
