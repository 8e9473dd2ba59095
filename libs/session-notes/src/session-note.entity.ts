import type { Discipline } from '@meridian/auth/access/role';
import { ClientEntity } from '@meridian/clients/client.entity';
import { AppointmentEntity } from '@meridian/scheduling/appointment.entity';
import { TreatmentPlanEntity } from '@meridian/treatment-plans/treatment-plan.entity';
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

export const NOTE_STATUSES = ['draft', 'signed'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/**
 * One session's note. Content is per discipline (validated by its DTO); psychology content is
 * never stored in clear: it lives sealed (AES-256-GCM) in `sealed_content`, under the key
 * named in `key_id`, and `content` stays null. Once signed, a note keeps its content and its
 * SHA-256 for good — a trigger refuses any other change than re-encryption — and takes
 * addenda instead.
 */
@Entity({ name: 'session_notes' })
@Unique('session_notes_clinic_id_id_key', ['clinicId', 'id'])
@Index('session_notes_history_idx', ['clinicId', 'clientId', 'sessionDate', 'id'])
@Index('session_notes_author_idx', [
  'clinicId',
  'practitionerId',
  'status',
  'sessionDate',
  'createdAt',
  'id',
])
@Index('session_notes_key_id_idx', ['keyId'], { where: 'key_id IS NOT NULL' })
@Check(
  'session_notes_discipline_check',
  `discipline IN ('acupuncture', 'psychology', 'nutrition', 'training')`,
)
@Check('session_notes_status_check', `status IN ('draft', 'signed')`)
@Check(
  'session_notes_sealed_check',
  `(discipline = 'psychology') = (sealed_content IS NOT NULL AND key_id IS NOT NULL AND content IS NULL)`,
)
@Check(
  'session_notes_key_id_check',
  `key_id IS NULL OR key_id = split_part(sealed_content, '.', 2)`,
)
@Check(
  'session_notes_signature_check',
  `(status = 'signed') = (signed_at IS NOT NULL AND signed_by IS NOT NULL AND content_hash IS NOT NULL)`,
)
export class SessionNoteEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'session_notes_pkey' })
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
      foreignKeyConstraintName: 'session_notes_client_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'session_notes_client_fkey',
    },
  ])
  client?: ClientEntity;

  /** The author: the practitioner who held the session. */
  @Column('uuid')
  practitionerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'session_notes_practitioner_fkey',
    },
    {
      name: 'practitioner_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'session_notes_practitioner_fkey',
    },
  ])
  practitioner?: UserEntity;

  @Column('text')
  discipline!: Discipline;

  @Column('date')
  sessionDate!: string;

  /** The appointment the session was: one of the same client's. */
  @Column('uuid', { nullable: true })
  appointmentId!: string | null;

  // As for the plan: SET NULL narrowed to the appointment column in the migration.
  @ManyToOne(() => AppointmentEntity, { onDelete: 'SET NULL' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'session_notes_appointment_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'clientId',
      foreignKeyConstraintName: 'session_notes_appointment_fkey',
    },
    {
      name: 'appointment_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'session_notes_appointment_fkey',
    },
  ])
  appointment?: AppointmentEntity;

  @Column('uuid', { nullable: true })
  treatmentPlanId!: string | null;

  // The migration narrows SET NULL to the plan column: clinic and client are in the key too.
  @ManyToOne(() => TreatmentPlanEntity, { onDelete: 'SET NULL' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'session_notes_treatment_plan_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'clientId',
      foreignKeyConstraintName: 'session_notes_treatment_plan_fkey',
    },
    {
      name: 'treatment_plan_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'session_notes_treatment_plan_fkey',
    },
  ])
  treatmentPlan?: TreatmentPlanEntity;

  @Column('text', { default: 'draft' })
  status!: NoteStatus;

  /** The content of every discipline but psychology. */
  @Column('jsonb', { nullable: true })
  content!: Record<string, unknown> | null;

  /** Psychology content, sealed by `DataCipher` for this note. */
  @Column('text', { nullable: true })
  sealedContent!: string | null;

  /** The data key `sealed_content` is sealed under, so rotation finds what to re-encrypt. */
  @Column('text', { nullable: true })
  keyId!: string | null;

  /** SHA-256 (hex) of the canonical signed note; see `noteDigest`. */
  @Column('text', { nullable: true })
  contentHash!: string | null;

  @Column('timestamptz', { nullable: true })
  signedAt!: Date | null;

  @Column('uuid', { nullable: true })
  signedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
