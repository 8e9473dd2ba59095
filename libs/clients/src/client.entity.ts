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

export const CLIENT_STATUSES = ['active', 'archived'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
export const SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** The client's GP, for referrals and (with consent) sharing. */
export interface GeneralPractitioner {
  name?: string;
  practice?: string;
  phone?: string;
}

export interface EmergencyContact {
  name: string;
  relation?: string;
  phone?: string;
}

/** What the client told at intake: clinical content, for the care team only. */
export interface Intake {
  complaints?: string;
  diagnoses?: string[];
  medication?: string[];
  allergies?: string[];
  dietHistory?: string;
}

/**
 * A client of the clinic. Identity and contact serve reception; the intake is clinical and
 * reaches practitioners on the care team only. The client number is the clinic's own
 * (`C-000123`), handed out once and never reused.
 */
@Entity({ name: 'clients' })
@Index('clients_clinic_id_status_name_idx', ['clinicId', 'status', 'lastName', 'firstName', 'id'])
@Index('clients_clinic_id_date_of_birth_idx', ['clinicId', 'dateOfBirth'])
@Index('clients_clinic_id_email_idx', ['clinicId', 'email'])
@Index('clients_clinic_id_phone_idx', ['clinicId', 'phone'])
@Index('clients_clinic_id_primary_practitioner_id_idx', ['clinicId', 'primaryPractitionerId'])
@Unique('clients_clinic_id_id_key', ['clinicId', 'id'])
@Unique('clients_clinic_id_client_number_key', ['clinicId', 'clientNumber'])
@Check('clients_status_check', `status IN ('active', 'archived')`)
@Check('clients_sex_check', `sex IN ('female', 'male', 'intersex', 'unknown')`)
@Check('clients_preferred_language_check', `preferred_language ~ '^[a-z]{2}$'`)
export class ClientEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'clients_pkey' })
  id!: string;

  @Column('uuid')
  clinicId!: string;

  @Column('integer')
  clientNumber!: number;

  @Column('text')
  firstName!: string;

  @Column('text')
  lastName!: string;

  @Column('date')
  dateOfBirth!: string;

  @Column('text', { nullable: true })
  sex!: Sex | null;

  @Column('citext', { nullable: true })
  email!: string | null;

  /** E.164 (`+31612345678`), normalised on the way in. */
  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text', { nullable: true })
  preferredLanguage!: string | null;

  @Column('text', { nullable: true })
  street!: string | null;

  @Column('text', { nullable: true })
  postalCode!: string | null;

  @Column('text', { nullable: true })
  city!: string | null;

  @Column('jsonb', { nullable: true })
  generalPractitioner!: GeneralPractitioner | null;

  @Column('jsonb', { nullable: true })
  emergencyContact!: EmergencyContact | null;

  @Column('jsonb', { nullable: true })
  intake!: Intake | null;

  @Column('uuid', { nullable: true })
  primaryPractitionerId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'clients_primary_practitioner_fkey',
    },
    {
      name: 'primary_practitioner_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'clients_primary_practitioner_fkey',
    },
  ])
  primaryPractitioner?: UserEntity;

  @Column('text', { default: 'active' })
  status!: ClientStatus;

  @Column('timestamptz', { nullable: true })
  archivedAt!: Date | null;

  /** Set when an erasure was executed: the record keeps its number and nothing else. */
  @Column('timestamptz', { nullable: true })
  erasedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
