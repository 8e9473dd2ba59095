import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const CLINIC_LOCALES = ['nl', 'en'] as const;
export type ClinicLocale = (typeof CLINIC_LOCALES)[number];

/** A clinic's zone unless it chose another: the design's clinics are Dutch. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/**
 * A clinic is the tenant: every other tenant table carries its id. Row-level security lets a
 * transaction see only the clinic named in `app.clinic_id`.
 */
@Entity({ name: 'clinics' })
@Check('clinics_locale_check', `locale IN ('nl', 'en')`)
@Check('clinics_reminder_lead_minutes_check', `reminder_lead_minutes BETWEEN 0 AND 20160`)
@Check('clinics_escalation_grace_hours_check', `escalation_grace_hours BETWEEN 0 AND 720`)
export class ClinicEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** IANA zone used for day boundaries, reminder texts and reports. */
  @Column('text', { default: DEFAULT_TIME_ZONE })
  timeZone!: string;

  @Column('text', { default: 'nl' })
  locale!: ClinicLocale;

  @Column('boolean', { default: true })
  mfaRequired!: boolean;

  @Column('integer', { default: 1440 })
  reminderLeadMinutes!: number;

  @Column('integer', { default: 48 })
  escalationGraceHours!: number;

  /**
   * The demonstration clinic `npm start` seeds: its admin may sign in without enrolling a
   * second factor, so a newcomer can try every role with the printed credentials.
   */
  @Column('boolean', { default: false })
  demo!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
