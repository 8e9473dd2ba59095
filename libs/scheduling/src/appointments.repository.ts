import { Injectable } from '@nestjs/common';
import { decodeCursor, ISO_MILLIS_PATTERN, keysetPage, Page, UUID_PATTERN } from '@meridian/core';
import { isExclusionViolation, TenantTransaction } from '@meridian/db';
import { AppointmentEntity } from './appointment.entity';
import type { ConflictingSlot } from './scheduling.exception';

const NO_DOUBLE_BOOKING = 'appointments_no_double_booking';

/** An appointment with the client's and practitioner's names, as views show it. */
const APPOINTMENT_ROW = `
  SELECT a.id, a.client_id AS "clientId",
         c.first_name || ' ' || c.last_name AS "clientName", c.client_number AS "clientNumber",
         a.practitioner_id AS "practitionerId", u.display_name AS "practitionerName",
         a.type, a.starts_at AS "startsAt", a.ends_at AS "endsAt", a.status, a.version
  FROM appointments a
  JOIN clients c ON c.clinic_id = a.clinic_id AND c.id = a.client_id
  JOIN users u ON u.clinic_id = a.clinic_id AND u.id = a.practitioner_id`;

/** An appointment as a day or week view lists it: with who, never what was treated. */
export interface AppointmentRow {
  id: string;
  clientId: string;
  clientName: string;
  clientNumber: number;
  practitionerId: string;
  practitionerName: string;
  type: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  version: number;
}

export interface AppointmentFilter {
  from: string;
  to: string;
  practitionerId?: string;
  clientId?: string;
}

/** Appointments of the clinic the current tenant transaction serves. */
@Injectable()
export class AppointmentsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async findById(id: string, lock = false): Promise<AppointmentEntity | null> {
    return this.tx.manager.findOne(AppointmentEntity, {
      where: { clinicId: this.tx.clinicId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /**
   * Saves a new or moved appointment unless the practitioner is booked for an overlapping
   * time; then the slot in the way. The exclusion constraint decides (so of two bookings at the
   * same moment exactly one wins); a savepoint keeps the transaction usable to name the slot.
   */
  async saveUnlessOverlapping(
    appointment: AppointmentEntity,
  ): Promise<{ saved: AppointmentEntity } | { conflict: ConflictingSlot }> {
    const manager = this.tx.manager;
    await manager.query('SAVEPOINT booking');
    try {
      const saved = await manager.save(
        manager.create(AppointmentEntity, { ...appointment, clinicId: this.tx.clinicId }),
      );
      await manager.query('RELEASE SAVEPOINT booking');
      return { saved };
    } catch (error) {
      if (!isExclusionViolation(error, NO_DOUBLE_BOOKING)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT booking');
      const [slot] = (await manager.query(
        `SELECT id AS "appointmentId", starts_at AS "startsAt", ends_at AS "endsAt"
         FROM appointments
         WHERE clinic_id = $1 AND practitioner_id = $2 AND id <> $3
           AND status NOT IN ('cancelled', 'no-show')
           AND tstzrange(starts_at, ends_at) && tstzrange($4, $5)
         ORDER BY starts_at LIMIT 1`,
        [
          this.tx.clinicId,
          appointment.practitionerId,
          appointment.id,
          appointment.startsAt,
          appointment.endsAt,
        ],
      )) as { appointmentId: string; startsAt: Date; endsAt: Date }[];
      return {
        conflict: {
          appointmentId: slot?.appointmentId ?? '',
          startsAt: (slot?.startsAt ?? appointment.startsAt).toISOString(),
          endsAt: (slot?.endsAt ?? appointment.endsAt).toISOString(),
        },
      };
    }
  }

  /** When the reminder is owed (null: none is). Bookkeeping: the version stays. */
  async setReminderAt(id: string, at: Date | null): Promise<void> {
    await this.tx.manager.query(
      `UPDATE appointments SET reminder_at = $3 WHERE clinic_id = $1 AND id = $2`,
      [this.tx.clinicId, id, at],
    );
  }

  async save(appointment: AppointmentEntity): Promise<AppointmentEntity> {
    return this.tx.manager.save(appointment);
  }

  /** Appointments starting in [from, to), by start, keyset on (start, id), with names. */
  async list(
    filter: AppointmentFilter,
    limit: number,
    cursor?: string,
  ): Promise<Page<AppointmentRow>> {
    const params: unknown[] = [this.tx.clinicId, filter.from, filter.to, limit + 1];
    const conditions = ['a.clinic_id = $1', 'a.starts_at >= $2', 'a.starts_at < $3'];
    if (filter.practitionerId) {
      params.push(filter.practitionerId);
      conditions.push(`a.practitioner_id = $${params.length}`);
    }
    if (filter.clientId) {
      params.push(filter.clientId);
      conditions.push(`a.client_id = $${params.length}`);
    }
    if (cursor) {
      const [startsAt, id] = decodeCursor(cursor, 2, [ISO_MILLIS_PATTERN, UUID_PATTERN]);
      params.push(startsAt, id);
      conditions.push(`(a.starts_at, a.id) > ($${params.length - 1}, $${params.length})`);
    }
    const rows = (await this.tx.manager.query(
      `${APPOINTMENT_ROW} WHERE ${conditions.join(' AND ')}
       ORDER BY a.starts_at, a.id
       LIMIT $4`,
      params,
    )) as AppointmentRow[];
    return keysetPage(rows, limit, (row) => [row.startsAt.toISOString(), row.id]);
  }

  /** Every appointment of a client, oldest first: for the export. */
  async ofClient(clientId: string): Promise<AppointmentEntity[]> {
    return this.tx.manager.find(AppointmentEntity, {
      where: { clinicId: this.tx.clinicId, clientId },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  /** Erasure: when and with whom a client was treated, and for what, is health data. */
  async deleteOf(clientId: string): Promise<void> {
    await this.tx.manager.delete(AppointmentEntity, { clinicId: this.tx.clinicId, clientId });
  }

  /** One appointment with the names a view shows. */
  async row(id: string): Promise<AppointmentRow | null> {
    const [row] = (await this.tx.manager.query(
      `${APPOINTMENT_ROW} WHERE a.clinic_id = $1 AND a.id = $2`,
      [this.tx.clinicId, id],
    )) as AppointmentRow[];
    return row ?? null;
  }
}
