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
} from 'typeorm';

/**
 * Emergency access of a practitioner outside the care team to one client, for a limited
 * time, with the reason they gave. Admins review these; the reason lives here and never in
 * the access log, which records only that the glass was broken.
 */
@Entity({ name: 'break_glass_grants' })
@Unique('break_glass_grants_clinic_id_id_key', ['clinicId', 'id'])
@Index('break_glass_grants_clinic_id_user_id_client_id_idx', ['clinicId', 'userId', 'clientId'])
@Index('break_glass_grants_clinic_id_granted_at_idx', ['clinicId', 'grantedAt'])
@Check('break_glass_grants_reason_check', `char_length(reason) BETWEEN 20 AND 2000`)
@Check('break_glass_grants_period_check', `expires_at > granted_at`)
export class BreakGlassGrantEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'break_glass_grants_pkey' })
  id!: string;

  @Column('uuid')
  clinicId!: string;

  @Column('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'break_glass_grants_user_fkey',
    },
    { name: 'user_id', referencedColumnName: 'id' },
  ])
  user?: UserEntity;

  @Column('uuid')
  clientId!: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'break_glass_grants_client_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'break_glass_grants_client_fkey',
    },
  ])
  client?: ClientEntity;

  @Column('text')
  reason!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;
}
