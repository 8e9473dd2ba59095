import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * One access-log event (NEN 7513). Written by `AuditLog` and read by `AuditEventRepository`
 * with raw SQL; this entity describes the table for the schema check and documentation only.
 * Append-only: the application role cannot UPDATE or DELETE, and the worker seals rows into a
 * hash chain (`seal_position`, `seal_hash`). No foreign keys: the log outlives what it names.
 * The b-tree indexes are descending on time in the migration (TypeORM compares columns only).
 */
@Entity({ name: 'audit_events' })
@Unique('audit_events_seal_position_key', ['sealPosition'])
@Index('audit_events_clinic_id_occurred_at_id_idx', ['clinicId', 'occurredAt', 'id'])
@Index('audit_events_clinic_id_client_id_occurred_at_idx', ['clinicId', 'clientId', 'occurredAt'])
@Index('audit_events_clinic_id_actor_user_id_occurred_at_idx', [
  'clinicId',
  'actorUserId',
  'occurredAt',
])
@Index('audit_events_client_ids_idx', ['clientIds'], { type: 'gin' })
@Index('audit_events_unsealed_idx', ['occurredAt', 'id'], { where: 'seal_position IS NULL' })
@Check('audit_events_outcome_check', `outcome IN ('success', 'denied', 'error')`)
@Check('audit_events_purpose_check', `purpose IN ('treatment', 'administration', 'break-glass')`)
@Check('audit_events_seal_check', `(seal_position IS NULL) = (seal_hash IS NULL)`)
export class AuditEventEntity {
  /** UUID v7, made by the application. */
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'audit_events_pkey' })
  id!: string;

  /** Null only for an event that concerns no clinic (a failed login for an unknown e-mail). */
  @Column('uuid', { nullable: true })
  clinicId!: string | null;

  /** The start of the writing transaction, set by the database. */
  @Column('timestamptz', { default: () => 'now()' })
  occurredAt!: Date;

  @Column('uuid', { nullable: true })
  actorUserId!: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  actorRoles!: string[];

  @Column('uuid', { nullable: true })
  onBehalfOf!: string | null;

  @Column('text')
  action!: string;

  @Column('text')
  resourceType!: string;

  @Column('uuid', { nullable: true })
  resourceId!: string | null;

  @Column('uuid', { nullable: true })
  clientId!: string | null;

  /** For a search: the clients it returned. */
  @Column('uuid', { array: true, nullable: true })
  clientIds!: string[] | null;

  @Column('text')
  outcome!: string;

  @Column('text')
  purpose!: string;

  @Column('inet', { nullable: true })
  ip!: string | null;

  @Column('text', { nullable: true })
  userAgent!: string | null;

  @Column('text', { nullable: true })
  requestId!: string | null;

  /** The event's link in the hash chain, 1-based; null until the worker seals it. */
  @Column('bigint', { nullable: true })
  sealPosition!: string | null;

  /** sha256(previous link's hash || audit_event_digest(row)). */
  @Column('bytea', { nullable: true })
  sealHash!: Buffer | null;
}
