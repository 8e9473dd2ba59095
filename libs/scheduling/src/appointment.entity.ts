import { ClientEntity } from '@meridian/clients/client.entity';
import { UserEntity } from '@meridian/users/user.entity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const APPOINTMENT_TYPES = [
  'intake',
  'acupuncture',
  'psychology',
  'nutrition',
  'training',
] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];

export const APPOINTMENT_STATUSES = [
  'booked',
  'arrived',
  'completed',
  'no-show',
  'cancelled',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/**
 * A client's appointment with a practitioner. A practitioner is never double-booked: the
 * exclusion constraint refuses two appointments of theirs whose times overlap, unless one was
 * cancelled or a no-show, so two receptionists booking the same slot at once cannot both win.
 * Times are instants (UTC); the clinic's time zone decides what a day is.
 */
@Entity({ name: 'appointments' })
@Unique('appointments_clinic_id_id_key', ['clinicId', 'id'])
@Unique('appointments_clinic_id_client_id_id_key', ['clinicId', 'clientId', 'id'])
@Index('appointments_reminder_idx', ['reminderAt'], {
  where: `reminder_at IS NOT NULL AND status = 'booked'`,
})
@Index('appointments_day_idx', ['clinicId', 'startsAt', 'id'])
@Index('appointments_practitioner_idx', ['clinicId', 'practitionerId', 'startsAt'])
@Index('appointments_client_idx', ['clinicId', 'clientId', 'startsAt'])
@Exclusion(
  'appointments_no_double_booking',
  `USING gist ("clinic_id" WITH =, "practitioner_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (status NOT IN ('cancelled', 'no-show'))`,
)
@Check(
  'appointments_type_check',
  `type IN ('intake', 'acupuncture', 'psychology', 'nutrition', 'training')`,
)
@Check(
  'appointments_status_check',
  `status IN ('booked', 'arrived', 'completed', 'no-show', 'cancelled')`,
)
@Check('appointments_times_check', `ends_at > starts_at`)
export class AppointmentEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'appointments_pkey' })
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
      foreignKeyConstraintName: 'appointments_client_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'appointments_client_fkey',
    },
  ])
  client?: ClientEntity;

  @Column('uuid')
  practitionerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'appointments_practitioner_fkey',
    },
    {
      name: 'practitioner_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'appointments_practitioner_fkey',
    },
  ])
  practitioner?: UserEntity;

  @Column('text')
  type!: AppointmentType;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  @Column('text', { default: 'booked' })
  status!: AppointmentStatus;

  /** Why it was cancelled: administrative ("client ill"), never clinical detail. */
  @Column('text', { nullable: true })
  cancelReason!: string | null;

  /**
   * When the client's e-mail reminder is owed: set when a booking or move earns one, cleared
   * when the reminder job hands it to the notifications. PostgreSQL, not Redis, is the record
   * of what is owed, so the reconciler can re-schedule a reminder Redis lost.
   */
  @Column('timestamptz', { nullable: true })
  reminderAt!: Date | null;

  @Column('uuid')
  createdBy!: string;

  @Column('uuid')
  updatedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
