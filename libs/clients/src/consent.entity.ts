import { UserEntity } from '@meridian/users/user.entity';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
} from 'typeorm';
import { ClientEntity } from './client.entity';

export const CONSENT_TYPES = [
  'treatment',
  'care-team-sharing',
  'gp-sharing',
  'email-reminders',
  'sms-reminders',
  'outcome-statistics',
] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];
export const CONSENT_METHODS = ['paper', 'verbal', 'digital'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/**
 * One consent as given: its type, how and by whom it was recorded, and its withdrawal, if
 * any. Rows are never deleted or re-granted; giving consent again after a withdrawal is a new
 * row, so the history shows exactly what held when.
 */
@Entity({ name: 'consents' })
@Unique('consents_clinic_id_id_key', ['clinicId', 'id'])
@Index('consents_clinic_id_client_id_granted_at_idx', ['clinicId', 'clientId', 'grantedAt'])
@Index('consents_one_active_per_type', ['clinicId', 'clientId', 'type'], {
  unique: true,
  where: 'withdrawn_at IS NULL',
})
@Check(
  'consents_type_check',
  `type IN ('treatment', 'care-team-sharing', 'gp-sharing', 'email-reminders', 'sms-reminders', 'outcome-statistics')`,
)
@Check('consents_method_check', `method IN ('paper', 'verbal', 'digital')`)
@Check('consents_withdrawal_method_check', `withdrawal_method IN ('paper', 'verbal', 'digital')`)
export class ConsentEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'consents_pkey' })
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
      foreignKeyConstraintName: 'consents_client_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'consents_client_fkey',
    },
  ])
  client?: ClientEntity;

  @Column('text')
  type!: ConsentType;

  @Column('text')
  method!: ConsentMethod;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('uuid')
  recordedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'consents_recorded_by_fkey',
    },
    {
      name: 'recorded_by',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'consents_recorded_by_fkey',
    },
  ])
  recorder?: UserEntity;

  @Column('timestamptz', { default: () => 'now()' })
  grantedAt!: Date;

  @Column('timestamptz', { nullable: true })
  withdrawnAt!: Date | null;

  @Column('uuid', { nullable: true })
  withdrawnBy!: string | null;

  @Column('text', { nullable: true })
  withdrawalMethod!: ConsentMethod | null;
}
