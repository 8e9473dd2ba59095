import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
} from 'typeorm';
import { SessionEntity } from './session.entity';

/**
 * One refresh token of a session. Only its SHA-256 is stored (the token is 256 random bits, so
 * a fast hash is enough). A token is used once: refreshing marks it used and issues the next;
 * presenting a used one again means it was copied, and revokes the whole session.
 */
@Entity({ name: 'refresh_tokens' })
@Unique('refresh_tokens_token_hash_key', ['tokenHash'])
export class RefreshTokenEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'refresh_tokens_pkey' })
  id!: string;

  @Column('uuid')
  clinicId!: string;

  @Column('uuid')
  sessionId!: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'refresh_tokens_session_fkey',
    },
    { name: 'session_id', referencedColumnName: 'id' },
  ])
  session?: SessionEntity;

  @Column('bytea')
  tokenHash!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  usedAt!: Date | null;
}
