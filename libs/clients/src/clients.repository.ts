import { Injectable } from '@nestjs/common';
import { keysetPage, Page } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { ClientEntity } from './client.entity';
import {
  ClientFilter,
  clientListQuery,
  clientWithTiesQuery,
  ExactMatch,
  lockClientWithTiesQuery,
  nameSearchQuery,
} from './client-queries';

/** How a user is tied to one client's record, as clinical access asks. */
export interface ClinicalTies {
  onCareTeam: boolean;
  brokenGlass: boolean;
}

export interface CareTeamRow {
  userId: string;
  displayName: string;
  discipline: string;
  since: string;
}

/** Clients of the clinic the current tenant transaction serves; every query names it. */
@Injectable()
export class ClientsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * The clinic's next client number. The counter row is locked until the transaction ends,
   * so concurrent creates queue on it; a rolled-back create leaves a gap, never a duplicate.
   */
  async nextClientNumber(): Promise<number> {
    const [{ lastNumber }] = (await this.tx.manager.query(
      `INSERT INTO client_number_counters (clinic_id, last_number) VALUES ($1, 1)
       ON CONFLICT (clinic_id) DO UPDATE SET last_number = client_number_counters.last_number + 1
       RETURNING last_number AS "lastNumber"`,
      [this.tx.clinicId],
    )) as { lastNumber: number }[];
    return lastNumber;
  }

  async insert(
    client: Omit<
      ClientEntity,
      'clinicId' | 'createdAt' | 'updatedAt' | 'version' | 'status' | 'archivedAt' | 'erasedAt'
    >,
  ): Promise<ClientEntity> {
    const manager = this.tx.manager;
    return manager.save(manager.create(ClientEntity, { ...client, clinicId: this.tx.clinicId }));
  }

  /** The numbers of these clients of the clinic, by id: for lists that name clients. */
  async numbersOf(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.tx.manager.query(
      `SELECT id, client_number AS "clientNumber" FROM clients
       WHERE clinic_id = $1 AND id = ANY($2::uuid[])`,
      [this.tx.clinicId, [...new Set(ids)]],
    )) as { id: string; clientNumber: number }[];
    return new Map(rows.map((row) => [row.id, row.clientNumber]));
  }

  async findById(id: string, lock = false): Promise<ClientEntity | null> {
    return this.tx.manager.findOne(ClientEntity, {
      where: { id, clinicId: this.tx.clinicId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /**
   * Executes an erasure on the record itself: identity, contact and intake are overwritten
   * (never just hidden), the client number stays, and `erased_at` records the fact.
   */
  async anonymise(clientId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE clients SET
         first_name = 'Erased', last_name = 'client', date_of_birth = DATE '1900-01-01',
         sex = NULL, email = NULL, phone = NULL, preferred_language = NULL,
         street = NULL, postal_code = NULL, city = NULL,
         general_practitioner = NULL, emergency_contact = NULL, intake = NULL,
         primary_practitioner_id = NULL,
         status = 'archived', archived_at = coalesce(archived_at, now()), erased_at = now(),
         updated_at = now(), version = version + 1
       WHERE clinic_id = $1 AND id = $2`,
      [this.tx.clinicId, clientId],
    );
  }

  async save(client: ClientEntity): Promise<ClientEntity> {
    return this.tx.manager.save(client);
  }

  /**
   * The record with the clinical ties of `userId` to it (see {@link ClinicalTies}), read in
   * one statement; null when the clinic has no such client.
   */
  async findWithTies(
    id: string,
    userId: string,
  ): Promise<{ client: ClientEntity; ties: ClinicalTies } | null> {
    const { sql, params } = clientWithTiesQuery(this.tx.clinicId, id, userId);
    const [row] = (await this.tx.query(sql, params)) as (ClientEntity & {
      onCareTeam: boolean;
      brokenGlass: boolean;
    })[];
    // The row is the record; its two extra fields never reach a response, which names its own.
    return row
      ? { client: row, ties: { onCareTeam: row.onCareTeam, brokenGlass: row.brokenGlass } }
      : null;
  }

  /**
   * Locks the record for a change (see `ClientsService.requireWritable`) and reads whether it
   * was erased, the ties of `userId` to it and the clinic's time zone; null when the clinic
   * has no such client.
   */
  async lockWithTies(
    id: string,
    userId: string,
  ): Promise<{ erased: boolean; ties: ClinicalTies; timeZone: string } | null> {
    const { sql, params } = lockClientWithTiesQuery(this.tx.clinicId, id, userId);
    const [row] = (await this.tx.query(sql, params)) as ({
      erasedAt: Date | null;
      timeZone: string;
    } & ClinicalTies)[];
    return row
      ? {
          erased: row.erasedAt !== null,
          ties: { onCareTeam: row.onCareTeam, brokenGlass: row.brokenGlass },
          timeZone: row.timeZone,
        }
      : null;
  }

  /** Clients by name (last, first, id), keyset-paginated. */
  async list(
    filter: ClientFilter & { match?: ExactMatch },
    limit: number,
    cursor?: string,
  ): Promise<Page<ClientEntity>> {
    const { sql, params } = clientListQuery(this.tx.clinicId, filter, limit + 1, cursor);
    const rows = (await this.tx.query(sql, params)) as ClientEntity[];
    return keysetPage(rows, limit, (client) => [client.lastName, client.firstName, client.id]);
  }

  /** Clients whose name resembles `name`, best match first, keyset-paginated on (score, id). */
  async searchByName(
    name: string,
    filter: ClientFilter,
    limit: number,
    cursor?: string,
  ): Promise<Page<ClientEntity>> {
    const { sql, params } = nameSearchQuery(this.tx.clinicId, name, filter, limit + 1, cursor);
    const rows = (await this.tx.query(sql, params)) as (ClientEntity & {
      score: number;
    })[];
    const page = keysetPage(rows, limit, (row) => [String(row.score), row.id]);
    // Each row's `score` rides along; a response names its own fields.
    return page;
  }

  /**
   * Which of `clientIds` the user treats (care team) and which they broke the glass for (a
   * grant not yet expired): one round trip for both, since every clinical access asks both.
   */
  async clinicalTies(
    userId: string,
    clientIds: readonly string[],
  ): Promise<{ careTeam: Set<string>; brokenGlass: Set<string> }> {
    const ties = { careTeam: new Set<string>(), brokenGlass: new Set<string>() };
    if (clientIds.length === 0) return ties;
    const rows = (await this.tx.query(
      `SELECT client_id AS "clientId", true AS "careTeam" FROM care_team_members
       WHERE clinic_id = $1 AND user_id = $2 AND client_id = ANY($3::uuid[])
       UNION
       SELECT client_id, false FROM break_glass_grants
       WHERE clinic_id = $1 AND user_id = $2 AND client_id = ANY($3::uuid[]) AND expires_at > now()`,
      [this.tx.clinicId, userId, clientIds],
    )) as { clientId: string; careTeam: boolean }[];
    for (const row of rows) (row.careTeam ? ties.careTeam : ties.brokenGlass).add(row.clientId);
    return ties;
  }

  async careTeam(clientId: string): Promise<CareTeamRow[]> {
    return (await this.tx.manager.query(
      `SELECT m.user_id AS "userId", u.display_name AS "displayName", m.discipline,
              to_char(m.since, 'YYYY-MM-DD') AS since
       FROM care_team_members m JOIN users u ON u.clinic_id = m.clinic_id AND u.id = m.user_id
       WHERE m.clinic_id = $1 AND m.client_id = $2
       ORDER BY m.since, u.display_name`,
      [this.tx.clinicId, clientId],
    )) as CareTeamRow[];
  }

  /**
   * Makes the care team exactly `members`. Members who stay keep their `since`; a changed
   * discipline counts as staying.
   */
  async replaceCareTeam(
    clientId: string,
    members: { id: string; userId: string; discipline: string }[],
    addedBy: string,
  ): Promise<void> {
    const userIds = members.map((member) => member.userId);
    await this.tx.manager.query(
      `DELETE FROM care_team_members
       WHERE clinic_id = $1 AND client_id = $2 AND NOT (user_id = ANY($3::uuid[]))`,
      [this.tx.clinicId, clientId, userIds],
    );
    for (const member of members) {
      await this.tx.manager.query(
        `INSERT INTO care_team_members (id, clinic_id, client_id, user_id, discipline, added_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (clinic_id, client_id, user_id) DO UPDATE SET discipline = EXCLUDED.discipline`,
        [member.id, this.tx.clinicId, clientId, member.userId, member.discipline, addedBy],
      );
    }
  }

  /** Of `userIds`, the active practitioners of this clinic, with their disciplines. */
  async practitioners(userIds: readonly string[]): Promise<Map<string, string[]>> {
    if (userIds.length === 0) return new Map();
    const rows = (await this.tx.manager.query(
      `SELECT id, disciplines FROM users
       WHERE clinic_id = $1 AND id = ANY($2::uuid[]) AND status = 'active'
         AND 'practitioner' = ANY(roles)`,
      [this.tx.clinicId, userIds],
    )) as { id: string; disciplines: string[] }[];
    return new Map(rows.map((row) => [row.id, row.disciplines]));
  }
}
