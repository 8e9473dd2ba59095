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
 * A login: the family of refresh tokens that one sign-in produced. Revoking it (logout, reuse
 * of a rotated refresh token) ends the refresh tokens at once and the access tokens within
 * the session-check interval.
 */
@Entity({ name: 'sessions' })
@Unique('sessions_clinic_id_id_key', ['clinicId', 'id'])
@Index('sessions_clinic_id_user_id_idx', ['clinicId', 'userId'])
export class SessionEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'sessions_pkey' })
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
      foreignKeyConstraintName: 'sessions_user_fkey',
    },
    { name: 'user_id', referencedColumnName: 'id' },
  ])
  user?: UserEntity;

  /** Whether the sign-in passed a second factor. */
  @Column('boolean')
  mfa!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Absolute end: refreshing never extends a session past it. */
  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @Column('text', { nullable: true })
  revokedReason!: string | null;
}
