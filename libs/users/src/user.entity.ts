import { ClinicEntity } from '@meridian/clinics/clinic.entity';
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

export const USER_STATUSES = ['active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/**
 * A member of a clinic's staff. The e-mail is unique across the whole service (it is the
 * login name, looked up before the clinic is known) and compared case-insensitively (citext).
 * Secrets: the password is an argon2id hash; the TOTP secrets are encrypted with the data key.
 */
@Entity({ name: 'users' })
@Unique('users_email_key', ['email'])
@Unique('users_clinic_id_id_key', ['clinicId', 'id'])
@Index('users_clinic_id_display_name_idx', ['clinicId', 'displayName', 'id'])
@Check(
  'users_roles_check',
  `cardinality(roles) > 0 AND roles <@ ARRAY['admin','manager','practitioner','receptionist']::text[]`,
)
@Check(
  'users_disciplines_check',
  `disciplines <@ ARRAY['acupuncture','psychology','nutrition','training']::text[]`,
)
@Check('users_status_check', `status IN ('active', 'deactivated')`)
export class UserEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'users_pkey' })
  id!: string;

  @Column('uuid')
  clinicId!: string;

  @ManyToOne(() => ClinicEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'clinic_id', foreignKeyConstraintName: 'users_clinic_id_fkey' })
  clinic?: ClinicEntity;

  @Column('citext')
  email!: string;

  @Column('text')
  displayName!: string;

  @Column('text', { array: true })
  roles!: string[];

  @Column('text', { array: true, default: () => `'{}'` })
  disciplines!: string[];

  @Column('text')
  passwordHash!: string;

  /** Set when an admin chose the password; the user must replace it before anything else. */
  @Column('boolean', { default: false })
  passwordChangeRequired!: boolean;

  @Column('text', { nullable: true })
  mfaSecret!: string | null;

  /** The secret offered during enrolment, until the user proves it with a code. */
  @Column('text', { nullable: true })
  mfaPendingSecret!: string | null;

  @Column('timestamptz', { nullable: true })
  mfaEnrolledAt!: Date | null;

  /** The last TOTP time step accepted: a code at or before it is a replay. */
  @Column('bigint', { nullable: true })
  mfaLastTimeStep!: string | null;

  @Column('text', { default: 'active' })
  status!: UserStatus;

  @Column('timestamptz', { nullable: true })
  deactivatedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
