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
import { ClientEntity } from './client.entity';

/**
 * A practitioner's treatment relationship with a client, in one discipline: the basis of
 * every clinical access rule.
 */
@Entity({ name: 'care_team_members' })
@Unique('care_team_members_clinic_id_client_id_user_id_key', ['clinicId', 'clientId', 'userId'])
@Index('care_team_members_clinic_id_user_id_idx', ['clinicId', 'userId'])
@Check(
  'care_team_members_discipline_check',
  `discipline IN ('acupuncture', 'psychology', 'nutrition', 'training')`,
)
export class CareTeamMemberEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'care_team_members_pkey' })
  id!: string;

  @Column('uuid')
  clinicId!: string;

  @Column('uuid')
  clientId!: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'care_team_members_client_fkey',
    },
    {
      name: 'client_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'care_team_members_client_fkey',
    },
  ])
  client?: ClientEntity;

  @Column('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'care_team_members_user_fkey',
    },
    {
      name: 'user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'care_team_members_user_fkey',
    },
  ])
  user?: UserEntity;

  @Column('text')
  discipline!: string;

  /** When the treatment relationship began. */
  @Column('date', { default: () => 'CURRENT_DATE' })
  since!: string;

  @Column('uuid')
  addedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
