import { UserEntity } from '@meridian/users/user.entity';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PlanContent } from './plan-content';
import { TreatmentPlanEntity } from './treatment-plan.entity';

/**
 * Every version a plan has had: its whole content as it was, who made it, when, and which
 * fields changed. Written with each change in the change's transaction, never updated.
 */
@Entity({ name: 'treatment_plan_versions' })
export class TreatmentPlanVersionEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'treatment_plan_versions_pkey' })
  planId!: string;

  @PrimaryColumn('integer', { primaryKeyConstraintName: 'treatment_plan_versions_pkey' })
  version!: number;

  @Column('uuid')
  clinicId!: string;

  @ManyToOne(() => TreatmentPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'treatment_plan_versions_plan_fkey',
    },
    {
      name: 'plan_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'treatment_plan_versions_plan_fkey',
    },
  ])
  plan?: TreatmentPlanEntity;

  @Column('jsonb')
  content!: PlanContent;

  /** The top-level fields that differ from the previous version; all of them for the first. */
  @Column('text', { array: true })
  changes!: string[];

  @Column('uuid')
  changedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'treatment_plan_versions_changed_by_fkey',
    },
    {
      name: 'changed_by',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'treatment_plan_versions_changed_by_fkey',
    },
  ])
  changer?: UserEntity;

  @Column('timestamptz', { default: () => 'now()' })
  changedAt!: Date;
}
