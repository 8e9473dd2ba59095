import type { Discipline } from '@meridian/auth/access/role';
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
import type { Goal, Intervention, Phase, PlanStatus } from './plan-content';

/**
 * A client's treatment plan. Phases, goals and interventions are small ordered lists that are
 * always read and versioned with their plan, so they live in it as JSONB (validated on the way
 * in by the DTOs and `planProblems`); each item has a server-given id that survives edits.
 */
@Entity({ name: 'treatment_plans' })
@Unique('treatment_plans_clinic_id_id_key', ['clinicId', 'id'])
@Unique('treatment_plans_clinic_id_client_id_id_key', ['clinicId', 'clientId', 'id'])
@Index('treatment_plans_client_idx', ['clinicId', 'clientId', 'createdAt'])
@Index('treatment_plans_status_idx', ['clinicId', 'status'])
@Check('treatment_plans_status_check', `status IN ('draft', 'active', 'completed', 'cancelled')`)
export class TreatmentPlanEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'treatment_plans_pkey' })
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
      foreignKeyConstraintName: 'treatment_plans_client_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'treatment_plans_client_fkey',
    },
  ])
  client?: ClientEntity;

  @Column('text')
  title!: string;

  @Column('text', { default: 'draft' })
  status!: PlanStatus;

  @Column('uuid')
  leadPractitionerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'treatment_plans_lead_practitioner_fkey',
    },
    {
      name: 'lead_practitioner_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'treatment_plans_lead_practitioner_fkey',
    },
  ])
  leadPractitioner?: UserEntity;

  @Column('text', { array: true })
  disciplines!: Discipline[];

  @Column('jsonb', { default: () => "'[]'" })
  phases!: Phase[];

  @Column('jsonb', { default: () => "'[]'" })
  goals!: Goal[];

  @Column('jsonb', { default: () => "'[]'" })
  interventions!: Intervention[];

  @Column('uuid')
  createdBy!: string;

  @Column('uuid')
  updatedBy!: string;

  @Column('timestamptz', { nullable: true })
  activatedAt!: Date | null;

  /** When the plan was completed or cancelled. */
  @Column('timestamptz', { nullable: true })
  endedAt!: Date | null;

  @Column('text', { nullable: true })
  cancelReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
