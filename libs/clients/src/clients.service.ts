import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEventRepository, AuditLog, AuditPurpose } from '@meridian/audit';
import { hasPermission, Permission } from '@meridian/auth/access/permission';
import { AuthException } from '@meridian/auth/auth.exception';
import { Role } from '@meridian/auth/access/role';
import { BreakGlassService } from '@meridian/auth/break-glass/break-glass.service';
import { BreakGlassGrantResponse } from '@meridian/auth/break-glass/dto/break-glass.dto';
import { ClinicalAccess, clinicalAccess } from '@meridian/auth/policies/clinical-access.policy';
import { Actor, FieldError, Page, RequestException, staleVersion } from '@meridian/core';
import { v7 as uuid } from 'uuid';
import { ClientEntity } from './client.entity';
import { ClientsException } from './clients.exception';
import { ExactMatch } from './client-queries';
import { ClientsRepository, ClinicalTies } from './clients.repository';
import { parseSearch, SearchTerm } from './client-search';
import { AccessOverviewQuery, AccessOverviewResponse } from './dto/access-overview.dto';
import { CareTeamResponse, PutCareTeamDto } from './dto/care-team.dto';
import { ConsentsService } from './consents.service';
import {
  ClientPage,
  ClientResponse,
  ClientView,
  RegisteredClientResponse,
  toClientResponse,
} from './dto/client.response';
import { CreateClientDto } from './dto/create-client.dto';
import { ListClientsQuery } from './dto/list-clients.query';
import { UpdateClientDto } from './dto/update-client.dto';

const RESOURCE = 'client';
/** Entries of one access overview; a longer period is narrowed with from/to. */
const OVERVIEW_LIMIT = 5000;

/**
 * The client record and its care team. What a caller sees depends on the treatment
 * relationship (design section 4): the care team (or broken glass) sees the intake, reception,
 * managers and admins identity and contact, other practitioners identity only. Every access
 * writes its access-log row, with the purpose the access served.
 */
@Injectable()
export class ClientsService {
  constructor(
    private readonly clients: ClientsRepository,
    private readonly breakGlass: BreakGlassService,
    private readonly audit: AuditLog,
    private readonly events: AuditEventRepository,
    private readonly consents: ConsentsService,
  ) {}

  /**
   * Registers a client under the next client number, with the consents given at intake. A
   * practitioner who registers a client (an intake, usually) joins the care team in their first
   * discipline; only practitioners may send the clinical intake. Everything is written in the
   * request's transaction: a consent that cannot be stored leaves no client behind, and a
   * client is never stored without the consents the desk recorded.
   */
  async create(actor: Actor, input: CreateClientDto): Promise<RegisteredClientResponse> {
    const practitioner = actor.roles.includes(Role.Practitioner);
    if (input.intake && !practitioner) throw ClientsException.clinicalFieldsForbidden();
    const consents = input.consents ?? [];
    // Every role that registers clients records consents today; should one ever not, it may
    // still register a client, just not with consents.
    if (consents.length > 0 && !hasPermission(actor.roles, Permission.ConsentWrite)) {
      throw AuthException.forbidden();
    }
    this.consents.assertOnePerType(consents);
    await this.assertPractitioner(input.primaryPractitionerId);
    const client = await this.clients.insert({
      id: uuid(),
      clientNumber: await this.clients.nextClientNumber(),
      firstName: input.firstName,
      lastName: input.lastName,
      dateOfBirth: input.dateOfBirth,
      sex: input.sex ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      preferredLanguage: input.preferredLanguage ?? null,
      street: input.street ?? null,
      postalCode: input.postalCode ?? null,
      city: input.city ?? null,
      generalPractitioner: input.generalPractitioner ?? null,
      emergencyContact: input.emergencyContact ?? null,
      intake: input.intake ?? null,
      primaryPractitionerId: input.primaryPractitionerId ?? null,
    });
    if (practitioner && actor.disciplines.length > 0) {
      await this.clients.replaceCareTeam(
        client.id,
        [{ id: uuid(), userId: actor.userId, discipline: actor.disciplines[0] }],
        actor.userId,
      );
    }
    const access = practitioner ? 'treatment' : null;
    await this.log(AuditAction.Create, client.id, access);
    const recorded = await this.consents.recordAtIntake(actor, client.id, consents);
    return { ...toClientResponse(client, viewFor(actor, access)), consents: recorded };
  }

  async get(actor: Actor, id: string): Promise<ClientResponse> {
    const found = await this.clients.findWithTies(id, actor.userId);
    if (!found) throw ClientsException.notFound();
    const { client, ties } = found;
    const access = accessOf(actor, ties);
    await this.log(AuditAction.Read, id, access);
    return toClientResponse(client, viewFor(actor, access));
  }

  async list(actor: Actor, query: ListClientsQuery): Promise<ClientPage> {
    const page = await this.find(query);
    const ids = page.data.map((client) => client.id);
    const access = await this.accessTo(actor, ids);
    await this.audit.record({
      action: AuditAction.Search,
      resourceType: RESOURCE,
      clientIds: ids,
      purpose: [...access.values()].some((a) => a !== null) ? 'treatment' : 'administration',
    });
    return {
      data: page.data.map((client) =>
        toClientResponse(client, viewFor(actor, access.get(client.id) ?? null)),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** The list, or the search when there is a search string (see {@link parseSearch}). */
  private async find(query: ListClientsQuery): Promise<Page<ClientEntity>> {
    const filter = { status: query.status, practitionerId: query.practitionerId };
    if (query.search === undefined) return this.clients.list(filter, query.limit, query.cursor);
    const term = parseSearch(query.search);
    if (!term) return { data: [], nextCursor: null };
    const match = exactMatch(term);
    return match
      ? this.clients.list({ ...filter, match }, query.limit, query.cursor)
      : this.clients.searchByName(
          term.kind === 'name' ? term.name : '',
          filter,
          query.limit,
          query.cursor,
        );
  }

  async update(
    actor: Actor,
    id: string,
    version: number,
    changes: UpdateClientDto,
  ): Promise<ClientResponse> {
    const client = await this.requireWritable(id);
    if (client.version !== version) throw staleVersion();
    await this.assertPractitioner(changes.primaryPractitionerId);
    const access = (await this.accessTo(actor, [id])).get(id) ?? null;
    if (changes.intake !== undefined && access === null) {
      throw ClientsException.clinicalFieldsForbidden();
    }
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) (client as unknown as Record<string, unknown>)[field] = value;
    }
    const saved = await this.clients.save(client);
    await this.log(AuditAction.Update, id, access);
    return toClientResponse(saved, viewFor(actor, access));
  }

  /** Archived clients leave default lists but stay reachable by id; unarchiving brings them back. */
  async setArchived(actor: Actor, id: string, archived: boolean): Promise<ClientResponse> {
    const client = await this.requireWritable(id);
    if ((client.status === 'archived') !== archived) {
      client.status = archived ? 'archived' : 'active';
      client.archivedAt = archived ? new Date() : null;
      await this.clients.save(client);
    }
    const access = (await this.accessTo(actor, [id])).get(id) ?? null;
    await this.log(AuditAction.Update, id, access);
    return toClientResponse(client, viewFor(actor, access));
  }

  async careTeam(_actor: Actor, id: string): Promise<CareTeamResponse> {
    await this.require(id);
    const members = await this.clients.careTeam(id);
    await this.audit.record({
      action: AuditAction.Read,
      resourceType: 'care-team',
      resourceId: id,
      clientId: id,
    });
    return { clientId: id, members };
  }

  /**
   * Sets the care team. Managers and admins set any team of active practitioners in their
   * own disciplines. A practitioner may only add themself, and only when booked with the
   * client: there are no appointments yet, so for now that is refused.
   */
  async putCareTeam(actor: Actor, id: string, input: PutCareTeamDto): Promise<CareTeamResponse> {
    if (!hasPermission(actor.roles, Permission.CareTeamManage)) {
      throw ClientsException.careTeamForbidden();
    }
    await this.requireWritable(id);
    const practitioners = await this.clients.practitioners(input.members.map((m) => m.userId));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    input.members.forEach((member, index) => {
      const disciplines = practitioners.get(member.userId);
      if (!disciplines) {
        errors.push({
          field: `members[${index}].userId`,
          message: 'is not an active practitioner of this clinic',
        });
      } else if (!disciplines.includes(member.discipline)) {
        errors.push({
          field: `members[${index}].discipline`,
          message: 'is not one of this practitioner’s disciplines',
        });
      }
      if (seen.has(member.userId)) {
        errors.push({ field: `members[${index}].userId`, message: 'is listed twice' });
      }
      seen.add(member.userId);
    });
    if (errors.length > 0) throw ClientsException.invalidCareTeam(errors);
    await this.clients.replaceCareTeam(
      id,
      input.members.map((member) => ({ id: uuid(), ...member })),
      actor.userId,
    );
    await this.audit.record({
      action: AuditAction.Update,
      resourceType: 'care-team',
      resourceId: id,
      clientId: id,
    });
    return { clientId: id, members: await this.clients.careTeam(id) };
  }

  /**
   * The client's access overview (Wabvpz, NEN 7513): who (name and role) did what to the
   * record, when and why, break-the-glass flagged. Producing it is itself logged.
   */
  async accessOverview(
    _actor: Actor,
    id: string,
    period: AccessOverviewQuery,
  ): Promise<AccessOverviewResponse> {
    await this.require(id);
    const rows = await this.events.clientOverview(id, period, OVERVIEW_LIMIT + 1);
    await this.audit.record({ action: AuditAction.Read, resourceType: 'access-log', clientId: id });
    return {
      clientId: id,
      entries: rows.slice(0, OVERVIEW_LIMIT).map((row) => ({
        occurredAt: row.occurredAt,
        actor: { id: row.actorUserId, name: row.actorName, roles: row.actorRoles },
        action: row.action,
        dataCategory: row.resourceType,
        noteDiscipline: row.noteDiscipline,
        purpose: row.purpose,
        breakGlass: row.purpose === 'break-glass',
        outcome: row.outcome,
      })),
      truncated: rows.length > OVERVIEW_LIMIT,
    };
  }

  /** Emergency access to an existing client of this clinic (404 otherwise). */
  async breakTheGlass(actor: Actor, id: string, reason: string): Promise<BreakGlassGrantResponse> {
    await this.requireWritable(id);
    return this.breakGlass.grant(actor, id, reason);
  }

  /**
   * The clinical access `actor` has to each of `clientIds`: care team (treatment), broken
   * glass, or none. One query for any number of clients, and none for non-practitioners.
   */
  async accessTo(
    actor: Actor,
    clientIds: readonly string[],
  ): Promise<Map<string, ClinicalAccess | null>> {
    const result = new Map<string, ClinicalAccess | null>();
    if (!actor.roles.includes(Role.Practitioner)) {
      for (const id of clientIds) result.set(id, null);
      return result;
    }
    const ties = await this.clients.clinicalTies(actor.userId, clientIds);
    for (const id of clientIds) {
      result.set(
        id,
        accessOf(actor, {
          onCareTeam: ties.careTeam.has(id),
          brokenGlass: ties.brokenGlass.has(id),
        }),
      );
    }
    return result;
  }

  /**
   * The clinical access `actor` has to the client, or 403 naming the client (so the refusal
   * shows in their access overview): for plans, measurements and notes.
   */
  async requireClinicalAccess(actor: Actor, clientId: string): Promise<ClinicalAccess> {
    const access = (await this.accessTo(actor, [clientId])).get(clientId);
    if (!access) throw ClientsException.clinicalAccessRequired(clientId);
    return access;
  }

  /**
   * {@link requireWritable} and then {@link requireClinicalAccess}, in one statement: the
   * record locked for a change (404, or 409 when erased), and the clinical access `actor` has
   * to it (403 naming the client without); with the clinic's time zone, which a write's
   * dates are checked against.
   */
  async requireWritableWithAccess(
    actor: Actor,
    id: string,
  ): Promise<{ access: ClinicalAccess; timeZone: string }> {
    const found = await this.clients.lockWithTies(id, actor.userId);
    if (!found) throw ClientsException.notFound();
    if (found.erased) throw ClientsException.alreadyErased();
    const access = accessOf(actor, found.ties);
    if (!access) throw ClientsException.clinicalAccessRequired(id);
    return { access, timeZone: found.timeZone };
  }

  /**
   * The record, locked for a change. An erased record takes none: reviving it or writing new
   * content about the client would undo the erasure.
   */
  async requireWritable(id: string): Promise<ClientEntity> {
    const client = await this.require(id, true);
    if (client.erasedAt) throw ClientsException.alreadyErased();
    return client;
  }

  /**
   * `record` (a plan, note, appointment or task of a client) locked for a change, after its
   * client's row. Every write about a client locks the client first (`requireWritable`) and
   * only then what it changes, so two writes never wait on each other in a circle (a plan's
   * change against a measurement linking the plan, say). 409 when the record was erased.
   */
  async lockAfterClient<T extends { clientId: string }>(
    record: T,
    relock: () => Promise<T | null>,
  ): Promise<T> {
    await this.requireWritable(record.clientId);
    // Still there: such records go only with an erasure, which holds the client's lock too.
    return (await relock()) ?? record;
  }

  /** A primary practitioner must be an active practitioner of this clinic. */
  private async assertPractitioner(userId: string | null | undefined): Promise<void> {
    if (!userId) return;
    if (!(await this.clients.practitioners([userId])).has(userId)) {
      throw RequestException.invalidFields([
        {
          field: 'primaryPractitionerId',
          message: 'is not an active practitioner of this clinic',
        },
      ]);
    }
  }

  private async require(id: string, lock = false): Promise<ClientEntity> {
    const client = await this.clients.findById(id, lock);
    if (!client) throw ClientsException.notFound();
    return client;
  }

  private async log(
    action: AuditAction,
    clientId: string,
    access: ClinicalAccess | null,
  ): Promise<void> {
    const purpose: AuditPurpose = access ?? 'administration';
    await this.audit.record({
      action,
      resourceType: RESOURCE,
      resourceId: clientId,
      clientId,
      purpose,
    });
  }
}

function exactMatch(term: SearchTerm): ExactMatch | null {
  switch (term.kind) {
    case 'number':
      return { column: 'client_number', value: term.clientNumber };
    case 'dateOfBirth':
      return { column: 'date_of_birth', value: term.dateOfBirth };
    case 'email':
      return { column: 'email', value: term.email };
    case 'phone':
      return { column: 'phone', value: term.phone };
    case 'name':
      return null;
  }
}

/** The clinical access `actor` has to a record they are tied to as `ties` say. */
function accessOf(actor: Actor, ties: ClinicalTies): ClinicalAccess | null {
  const careTeam = new Set(ties.onCareTeam ? [actor.userId] : []);
  return clinicalAccess(actor, { careTeam, brokenGlass: ties.brokenGlass });
}

/** Which view of a record `actor` gets, given their clinical access to it. */
export function viewFor(actor: Actor, access: ClinicalAccess | null): ClientView {
  if (access !== null) return 'clinical';
  const staff = [Role.Admin, Role.Manager, Role.Receptionist] as string[];
  return actor.roles.some((role) => staff.includes(role)) ? 'contact' : 'identity';
}
