import { ClientEntity } from '@meridian/clients/client.entity';
import { TreatmentPlanEntity } from '@meridian/treatment-plans/treatment-plan.entity';
import { UserEntity } from '@meridian/users/user.entity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
} from 'typeorm';

/**
 * One outcome measurement: the answers (a questionnaire) or the value (a clinic scale) as
 * recorded, and the score, band and flags the server computed from them. Clinical content:
 * for the care team only.
 */
@Entity({ name: 'measurements' })
@Unique('measurements_clinic_id_id_key', ['clinicId', 'id'])
@Index('measurements_client_instrument_idx', ['clinicId', 'clientId', 'instrument', 'takenOn'])
// The reconciler looks for recent flags whose task is missing.
@Index('measurements_flagged_idx', ['createdAt'], { where: `cardinality(flags) > 0` })
export class MeasurementEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'measurements_pkey' })
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
      foreignKeyConstraintName: 'measurements_client_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'measurements_client_fkey',
    },
  ])
  client?: ClientEntity;

  /** `PHQ-9`, `GAD-7`, `MYMOP2` or a clinic scale's code. */
  @Column('text')
  instrument!: string;

  /** A questionnaire's item answers, in item order; null for a scale. */
  @Column('smallint', { array: true, nullable: true })
  answers!: number[] | null;

  /** A scale's value as measured; null for a questionnaire. */
  @Column('double precision', { nullable: true })
  value!: number | null;

  @Column('double precision')
  score!: number;

  @Column('text', { nullable: true })
  band!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  flags!: string[];

  @Column('date')
  takenOn!: string;

  /**
   * The plan the measurement was taken for, one of the client's own (the key includes the
   * client); the plan's progress shows it whatever the date.
   */
  @Column('uuid', { nullable: true })
  treatmentPlanId!: string | null;

  // The migration narrows SET NULL to the plan column: clinic and client are in the key too.
  @ManyToOne(() => TreatmentPlanEntity, { onDelete: 'SET NULL' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'measurements_treatment_plan_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'clientId',
      foreignKeyConstraintName: 'measurements_treatment_plan_fkey',
    },
    {
      name: 'treatment_plan_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'measurements_treatment_plan_fkey',
    },
  ])
  treatmentPlan?: TreatmentPlanEntity;

  @Column('uuid')
  recordedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'measurements_recorded_by_fkey',
    },
    {
      name: 'recorded_by',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'measurements_recorded_by_fkey',
    },
  ])
  recorder?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
