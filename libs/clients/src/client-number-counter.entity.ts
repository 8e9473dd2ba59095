import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last client number each clinic handed out. Taking the next one updates this row, which
 * serialises concurrent creates of one clinic on it: numbers never collide and, since the row
 * only grows, are never reused.
 */
@Entity({ name: 'client_number_counters' })
export class ClientNumberCounterEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'client_number_counters_pkey' })
  clinicId!: string;

  @Column('integer')
  lastNumber!: number;
}
