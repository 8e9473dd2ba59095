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
import { ErasureRequestEntity } from './erasure-request.entity';

export const RETENTION_DECISIONS = ['retain', 'destroy'] as const;
export type RetentionDecision = (typeof RETENTION_DECISIONS)[number];

/**
 * A record listed for review because it has not changed for the WGBO retention period (20
 * years). Listing never deletes: an admin decides, with the client's erasure rights in mind,
 * to retain it (with the reason) or to destroy it (through an erasure request).
 */
@Entity({ name: 'retention_reviews' })
@Unique('retention_reviews_clinic_id_id_key', ['clinicId', 'id'])
@Index('retention_reviews_one_open_per_client', ['clinicId', 'clientId'], {
  unique: true,
  where: 'reviewed_at IS NULL',
})
@Check(
  'retention_reviews_decision_check',
  `decision IN ('retain', 'destroy') AND (decision <> 'retain' OR reason IS NOT NULL) AND (decision <> 'destroy' OR erasure_request_id IS NOT NULL)`,
)
@Check(
  'retention_reviews_reviewed_check',
  `(reviewed_at IS NULL) = (decision IS NULL) AND (reviewed_at IS NULL) = (reviewed_by IS NULL)`,
)
export class RetentionReviewEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'retention_reviews_pkey' })
  id!: string;

  @Column('uuid')
  clinicId!: string;

  @Column('uuid')
  clientId!: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'retention_reviews_client_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'retention_reviews_client_fkey',
    },
  ])
  client?: ClientEntity;

  /** When the record last changed, as the scan saw it. */
  @Column('timestamptz')
  lastChangedAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  listedAt!: Date;

  @Column('timestamptz', { nullable: true })
  reviewedAt!: Date | null;

  @Column('uuid', { nullable: true })
  reviewedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'retention_reviews_reviewed_by_fkey',
    },
    {
      name: 'reviewed_by',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'retention_reviews_reviewed_by_fkey',
    },
  ])
  reviewer?: UserEntity;

  @Column('text', { nullable: true })
  decision!: RetentionDecision | null;

  /** Why the record is kept (good care, a legal hold), or why it goes. */
  @Column('text', { nullable: true })
  reason!: string | null;

  /** For `destroy`: the erasure request through which the record is destroyed. */
  @Column('uuid', { nullable: true })
  erasureRequestId!: string | null;

  @ManyToOne(() => ErasureRequestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'retention_reviews_erasure_request_fkey',
    },
    {
      name: 'erasure_request_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'retention_reviews_erasure_request_fkey',
    },
  ])
  erasureRequest?: ErasureRequestEntity;
}
