import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, Page } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { ClientEntity, ClientStatus } from './client.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// eslint-disable-next-line no-control-regex
const TEXT = /^[^\u0000]*$/;

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
      'clinicId' | 'createdAt' | 'updatedAt' | 'version' | 'status' | 'archivedAt'
    >,
  ): Promise<ClientEntity> {
    const manager = this.tx.manager;
    return manager.save(manager.create(ClientEntity, { ...client, clinicId: this.tx.clinicId }));
  }

  async findById(id: string, lock = false): Promise<ClientEntity | null> {
    return this.tx.manager.findOne(ClientEntity, {
      where: { id, clinicId: this.tx.clinicId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async save(client: ClientEntity): Promise<ClientEntity> {
    return this.tx.manager.save(client);
  }

  /** Clients by name (last, first, id), keyset-paginated. */
  async list(
    filter: { status: ClientStatus; practitionerId?: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<ClientEntity>> {
    const query = this.tx.manager
      .createQueryBuilder(ClientEntity, 'c')
      .where('c.clinic_id = :clinicId', { clinicId: this.tx.clinicId })
      .andWhere('c.status = :status', { status: filter.status })
      .orderBy('c.last_name', 'ASC')
      .addOrderBy('c.first_name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit + 1);
    if (filter.practitionerId) {
      query.andWhere(
        `(c.primary_practitioner_id = :practitionerId OR EXISTS (
           SELECT 1 FROM care_team_members m
           WHERE m.clinic_id = c.clinic_id AND m.client_id = c.id AND m.user_id = :practitionerId))`,
        { practitionerId: filter.practitionerId },
      );
    }
    if (cursor) {
      const [last, first, id] = decodeCursor(cursor, 3, [TEXT, TEXT, UUID]);
      query.andWhere('(c.last_name, c.first_name, c.id) > (:last, :first, :id)', {
        last,
        first,
        id,
      });
    }
    const rows = await query.getMany();
    const more = rows.length > limit;
    const data = more ? rows.slice(0, limit) : rows;
    const end = data[data.length - 1];
    return {
      data,
      nextCursor: more && end ? encodeCursor([end.lastName, end.firstName, end.id]) : null,
    };
  }

  /** Of `clientIds`, those on whose care team `userId` is: one query for a whole page. */
  async onCareTeamOf(userId: string, clientIds: readonly string[]): Promise<Set<string>> {
    if (clientIds.length === 0) return new Set();
    const rows = (await this.tx.manager.query(
      `SELECT client_id AS "clientId" FROM care_team_members
       WHERE clinic_id = $1 AND user_id = $2 AND client_id = ANY($3::uuid[])`,
      [this.tx.clinicId, userId, clientIds],
    )) as { clientId: string }[];
    return new Set(rows.map((row) => row.clientId));
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
