import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { ClientEntity } from './client.entity';

/**
 * A record listed for review because it has not changed for the WGBO retention period (20
 * years). Listing never deletes: an admin decides, with the client's erasure rights in mind.
 */
@Entity({ name: 'retention_reviews' })
@Unique('retention_reviews_clinic_id_id_key', ['clinicId', 'id'])
@Index('retention_reviews_one_open_per_client', ['clinicId', 'clientId'], {
  unique: true,
  where: 'reviewed_at IS NULL',
})
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
}
