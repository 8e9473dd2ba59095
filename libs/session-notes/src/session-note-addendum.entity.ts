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
} from 'typeorm';
import { SessionNoteEntity } from './session-note.entity';

/**
 * What was added to a signed note afterwards, and why. Never changed once written: the
 * application role may only insert them (re-encryption runs as the owner). An
 * addendum to a psychology note is sealed like the note (`sealed`: text and reason together).
 */
@Entity({ name: 'session_note_addenda' })
@Index('session_note_addenda_note_idx', ['clinicId', 'noteId', 'createdAt'])
@Check(
  'session_note_addenda_sealed_check',
  `(sealed IS NULL) = (key_id IS NULL) AND (sealed IS NULL) = (text IS NOT NULL AND reason IS NOT NULL)`,
)
@Check('session_note_addenda_key_id_check', `key_id IS NULL OR key_id = split_part(sealed, '.', 2)`)
export class SessionNoteAddendumEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'session_note_addenda_pkey' })
  id!: string;

  @Column('uuid')
  clinicId!: string;

  @Column('uuid')
  noteId!: string;

  @ManyToOne(() => SessionNoteEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'session_note_addenda_note_fkey',
    },
    {
      name: 'note_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'session_note_addenda_note_fkey',
    },
  ])
  note?: SessionNoteEntity;

  @Column('text', { nullable: true })
  text!: string | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('text', { nullable: true })
  sealed!: string | null;

  @Column('text', { nullable: true })
  keyId!: string | null;

  @Column('uuid')
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'session_note_addenda_author_fkey',
    },
    {
      name: 'author_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'session_note_addenda_author_fkey',
    },
  ])
  author?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
