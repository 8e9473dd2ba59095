import { UserEntity } from '@meridian/users/user.entity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
} from 'typeorm';

import type { Direction } from './scoring/instrument';

export const DIRECTIONS: readonly Direction[] = ['lower-is-better', 'higher-is-better'];

/**
 * A numeric scale a clinic measures with besides the validated questionnaires: pain or fatigue
 * 0–10, weight in kg, waist in cm, a lift's one-rep max. Its code is how measurements and
 * plan goals name it.
 */
@Entity({ name: 'clinic_scales' })
@Unique('clinic_scales_clinic_id_id_key', ['clinicId', 'id'])
@Unique('clinic_scales_clinic_id_code_key', ['clinicId', 'code'])
@Check('clinic_scales_direction_check', `direction IN ('lower-is-better', 'higher-is-better')`)
@Check('clinic_scales_range_check', `min_value < max_value`)
export class ClinicScaleEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'clinic_scales_pkey' })
  id!: string;

  @Column('uuid')
  clinicId!: string;

  /** `PAIN-NRS`, `WEIGHT`: upper-case letters, digits and dashes. */
  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  unit!: string;

  @Column('double precision')
  minValue!: number;

  @Column('double precision')
  maxValue!: number;

  @Column('text')
  direction!: Direction;

  /** The smallest change that matters to the client; progress reports it when set. */
  @Column('double precision', { nullable: true })
  meaningfulChange!: number | null;

  @Column('uuid')
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'clinic_scales_created_by_fkey',
    },
    {
      name: 'created_by',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'clinic_scales_created_by_fkey',
    },
  ])
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
