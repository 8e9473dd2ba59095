import { Injectable } from '@nestjs/common';
import { decodeCursor, keysetPage, Page, UUID_PATTERN } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { SessionNoteAddendumEntity } from './session-note-addendum.entity';
import { NoteStatus, SessionNoteEntity } from './session-note.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface NoteFilter {
  discipline?: string;
  from?: string;
  to?: string;
  /** Drafts are their author's until signed: only this user's drafts are listed. */
  draftsOf: string;
}

/** A note with the number of addenda it has, as a client's history lists it. */
export type ListedNote = SessionNoteEntity & { addendaCount: number };

/** Whose note it is, as a list across clients names them. */
export interface NoteClient {
  id: string;
  clientNumber: number;
  firstName: string;
  lastName: string;
}

/** A note of one author's, with its addenda count and its client, as their own list shows it. */
export interface AuthoredNote {
  note: ListedNote;
  client: NoteClient;
}

export interface AuthorFilter {
  status?: NoteStatus;
}

/**
 * Drafts are work owed, the oldest first; signed notes (or all) are a record, the newest
 * first. Both keyset on (session date, creation time, id).
 */
const authorOrder = (filter: AuthorFilter): 'asc' | 'desc' =>
  filter.status === 'draft' ? 'asc' : 'desc';

/** A creation time to the microsecond, as PostgreSQL keeps it (a JS Date keeps milliseconds). */
const MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** An author's notes with their clients; columns listed, rows mapped by hand (a hot list). */
const AUTHORED_NOTES = `
  SELECT n.id, n.clinic_id AS "clinicId", n.client_id AS "clientId",
         n.practitioner_id AS "practitionerId", n.discipline,
         to_char(n.session_date, 'YYYY-MM-DD') AS "sessionDate",
         n.appointment_id AS "appointmentId", n.treatment_plan_id AS "treatmentPlanId",
         n.status, n.content, n.sealed_content AS "sealedContent", n.key_id AS "keyId",
         n.content_hash AS "contentHash", n.signed_at AS "signedAt", n.signed_by AS "signedBy",
         n.created_at AS "createdAt", n.updated_at AS "updatedAt", n.version,
         to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdKey",
         (SELECT count(*)::int FROM session_note_addenda a
           WHERE a.clinic_id = n.clinic_id AND a.note_id = n.id) AS "addendaCount",
         c.client_number AS "clientNumber", c.first_name AS "firstName",
         c.last_name AS "lastName"
  FROM session_notes n
  JOIN clients c ON c.clinic_id = n.clinic_id AND c.id = n.client_id`;

/** Session notes and addenda, in the current tenant transaction. */
/**
 * A new note, as a prepared statement: the insert TypeORM would build, without building it on
 * every request. The database fills in the timestamps.
 */
export const NOTE_INSERT = `INSERT INTO session_notes (id, clinic_id, client_id, practitioner_id,
    discipline, session_date, appointment_id, treatment_plan_id, status, content, sealed_content,
    key_id, content_hash, signed_at, signed_by, version)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1)
  RETURNING created_at AS "createdAt", updated_at AS "updatedAt", version`;

@Injectable()
export class SessionNotesRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async findById(id: string, lock = false): Promise<SessionNoteEntity | null> {
    return this.tx.manager.findOne(SessionNoteEntity, {
      where: { clinicId: this.tx.clinicId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** A client's notes, newest session first, keyset on (session date, id). */
  async history(
    clientId: string,
    filter: NoteFilter,
    limit: number,
    cursor?: string,
  ): Promise<Page<ListedNote>> {
    const query = this.tx.manager
      .createQueryBuilder(SessionNoteEntity, 'n')
      .addSelect(
        (count) =>
          count
            .select('count(*)::int')
            .from(SessionNoteAddendumEntity, 'a')
            .where('a.clinic_id = n.clinic_id AND a.note_id = n.id'),
        'addenda_count',
      )
      .where('n.clinic_id = :clinicId', { clinicId: this.tx.clinicId })
      .andWhere('n.client_id = :clientId', { clientId })
      .andWhere(`(n.status = 'signed' OR n.practitioner_id = :author)`, {
        author: filter.draftsOf,
      })
      .orderBy('n.session_date', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1);
    if (filter.discipline) query.andWhere('n.discipline = :discipline', filter);
    if (filter.from) query.andWhere('n.session_date >= :from', filter);
    if (filter.to) query.andWhere('n.session_date <= :to', filter);
    if (cursor) {
      const [sessionDate, id] = decodeCursor(cursor, 2, [DATE, UUID_PATTERN]);
      query.andWhere('(n.session_date, n.id) < (:sessionDate, :id)', { sessionDate, id });
    }
    const { entities, raw } = await query.getRawAndEntities<{ addenda_count: number }>();
    const rows = entities.map((note, index) =>
      Object.assign(note, { addendaCount: raw[index].addenda_count }),
    );
    return keysetPage(rows, limit, (row) => [row.sessionDate, row.id]);
  }

  /**
   * The notes `authorId` wrote, across clients, in {@link authorOrder}; keyset on (session
   * date, creation time, id), the order being part of the cursor.
   */
  async ofAuthor(
    authorId: string,
    filter: AuthorFilter,
    limit: number,
    cursor?: string,
  ): Promise<Page<AuthoredNote>> {
    const order = authorOrder(filter);
    const params: unknown[] = [this.tx.clinicId, authorId, limit + 1];
    const conditions = ['n.clinic_id = $1', 'n.practitioner_id = $2'];
    if (filter.status) {
      params.push(filter.status);
      conditions.push(`n.status = $${params.length}`);
    }
    if (cursor) {
      // A cursor of the other order would skip or repeat notes: it is refused as foreign.
      const [, sessionDate, createdAt, id] = decodeCursor(cursor, 4, [
        new RegExp(`^${order}$`),
        DATE,
        MICROS,
        UUID_PATTERN,
      ]);
      params.push(sessionDate, createdAt, id);
      const [d, c, i] = [params.length - 2, params.length - 1, params.length];
      conditions.push(
        `(n.session_date, n.created_at, n.id) ${order === 'asc' ? '>' : '<'} ($${d}::date, $${c}::timestamptz, $${i}::uuid)`,
      );
    }
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const rows = await this.tx.query<AuthoredRow>(
      `${AUTHORED_NOTES} WHERE ${conditions.join(' AND ')}
       ORDER BY n.session_date ${direction}, n.created_at ${direction}, n.id ${direction}
       LIMIT $3`,
      params,
    );
    const page = keysetPage(rows, limit, (row) => [order, row.sessionDate, row.createdKey, row.id]);
    return { data: page.data.map(toAuthoredNote), nextCursor: page.nextCursor };
  }

  /** Of `clientIds`, those on whose care team `userId` is in psychology. */
  async psychologyTeamsOf(userId: string, clientIds: readonly string[]): Promise<Set<string>> {
    if (clientIds.length === 0) return new Set();
    const rows = await this.tx.query<{ clientId: string }>(
      `SELECT client_id AS "clientId" FROM care_team_members
       WHERE clinic_id = $1 AND user_id = $2 AND discipline = 'psychology'
         AND client_id = ANY($3::uuid[])`,
      [this.tx.clinicId, userId, clientIds],
    );
    return new Set(rows.map((row) => row.clientId));
  }

  /** The client's latest signed acupuncture note before `sessionDate`, for its points. */
  async previousAcupuncture(
    clientId: string,
    sessionDate: string,
  ): Promise<SessionNoteEntity | null> {
    return this.tx.manager
      .createQueryBuilder(SessionNoteEntity, 'n')
      .where('n.clinic_id = :clinicId', { clinicId: this.tx.clinicId })
      .andWhere('n.client_id = :clientId', { clientId })
      .andWhere(`n.discipline = 'acupuncture' AND n.status = 'signed'`)
      .andWhere('n.session_date <= :sessionDate', { sessionDate })
      .orderBy('n.session_date', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .getOne();
  }

  async addendaOf(noteIds: readonly string[]): Promise<SessionNoteAddendumEntity[]> {
    if (noteIds.length === 0) return [];
    return this.tx.manager
      .createQueryBuilder(SessionNoteAddendumEntity, 'a')
      .where('a.clinic_id = :clinicId', { clinicId: this.tx.clinicId })
      .andWhere('a.note_id = ANY(:noteIds)', { noteIds })
      .orderBy('a.created_at')
      .addOrderBy('a.id')
      .getMany();
  }

  /** Every note of a client, oldest first: for the export. */
  async allOf(clientId: string): Promise<SessionNoteEntity[]> {
    return this.tx.manager.find(SessionNoteEntity, {
      where: { clinicId: this.tx.clinicId, clientId },
      order: { sessionDate: 'ASC', id: 'ASC' },
    });
  }

  /** How many of `ids` are measurements of the client (a note may only link its own). */
  async measurementsOf(clientId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = (await this.tx.manager.query(
      `SELECT id FROM measurements WHERE clinic_id = $1 AND client_id = $2 AND id = ANY($3::uuid[])`,
      [this.tx.clinicId, clientId, ids],
    )) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }

  /** Whether `appointmentId` is an appointment of the client. */
  async isAppointmentOf(clientId: string, appointmentId: string): Promise<boolean> {
    const rows = (await this.tx.manager.query(
      `SELECT 1 FROM appointments WHERE clinic_id = $1 AND client_id = $2 AND id = $3`,
      [this.tx.clinicId, clientId, appointmentId],
    )) as unknown[];
    return rows.length > 0;
  }

  async insert(
    note: Omit<SessionNoteEntity, 'clinicId' | 'createdAt' | 'updatedAt' | 'version'>,
  ): Promise<SessionNoteEntity> {
    const clinicId = this.tx.clinicId;
    const [stored] = (await this.tx.query(NOTE_INSERT, [
      note.id,
      clinicId,
      note.clientId,
      note.practitionerId,
      note.discipline,
      note.sessionDate,
      note.appointmentId,
      note.treatmentPlanId,
      note.status,
      note.content === null ? null : JSON.stringify(note.content),
      note.sealedContent,
      note.keyId,
      note.contentHash,
      note.signedAt,
      note.signedBy,
    ])) as Pick<SessionNoteEntity, 'createdAt' | 'updatedAt' | 'version'>[];
    return this.tx.manager.create(SessionNoteEntity, { ...note, clinicId, ...stored });
  }

  async save(note: SessionNoteEntity): Promise<SessionNoteEntity> {
    return this.tx.manager.save(note);
  }

  async delete(note: SessionNoteEntity): Promise<void> {
    await this.tx.manager.delete(SessionNoteEntity, { clinicId: this.tx.clinicId, id: note.id });
  }

  async insertAddendum(
    addendum: Omit<SessionNoteAddendumEntity, 'clinicId' | 'createdAt'>,
  ): Promise<SessionNoteAddendumEntity> {
    const manager = this.tx.manager;
    return manager.save(
      manager.create(SessionNoteAddendumEntity, { ...addendum, clinicId: this.tx.clinicId }),
    );
  }

  /** Erasure: notes are health data about the client; addenda go with them (cascade). */
  async deleteOf(clientId: string): Promise<void> {
    await this.tx.manager.delete(SessionNoteEntity, { clinicId: this.tx.clinicId, clientId });
  }
}

interface AuthoredRow extends ListedNote, Omit<NoteClient, 'id'> {
  createdKey: string;
}

function toAuthoredNote(row: AuthoredRow): AuthoredNote {
  const note = Object.assign(new SessionNoteEntity(), {
    id: row.id,
    clinicId: row.clinicId,
    clientId: row.clientId,
    practitionerId: row.practitionerId,
    discipline: row.discipline,
    sessionDate: row.sessionDate,
    appointmentId: row.appointmentId,
    treatmentPlanId: row.treatmentPlanId,
    status: row.status,
    content: row.content,
    sealedContent: row.sealedContent,
    keyId: row.keyId,
    contentHash: row.contentHash,
    signedAt: row.signedAt,
    signedBy: row.signedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    addendaCount: row.addendaCount,
  });
  return {
    note,
    client: {
      id: row.clientId,
      clientNumber: row.clientNumber,
      firstName: row.firstName,
      lastName: row.lastName,
    },
  };
}
