import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditAction, AuditLog, AuditPurpose } from '@meridian/audit';
import { Discipline } from '@meridian/auth/access/role';
import { ClinicalAccess, mayWriteNote } from '@meridian/auth/policies/clinical-access.policy';
import {
  ClientDataRegistry,
  ClientsException,
  ClientsRepository,
  ClientsService,
  formatClientNumber,
} from '@meridian/clients';
import { ClinicsRepository } from '@meridian/clinics';
import {
  Actor,
  addDays,
  FieldError,
  RequestErrorCode,
  RequestException,
  staleVersion,
  notAfterToday,
  todayIn,
  zonedInstant,
} from '@meridian/core';
import { FollowUpsRepository } from '@meridian/follow-ups/follow-ups.repository';
import { OutcomesRepository } from '@meridian/outcomes';
import { v7 as uuid } from 'uuid';
import { findPoint } from './acupuncture/point-catalog';
import { checkContent, Completeness } from './content/note-content';
import {
  AddendumResponse,
  OwnSessionNotePage,
  SessionNotePage,
  SessionNoteResponse,
} from './dto/note.response';
import {
  CreateAddendumDto,
  CreateSessionNoteDto,
  FollowUpRequestDto,
  ListOwnSessionNotesQuery,
  ListSessionNotesQuery,
  SignSessionNoteDto,
  UpdateSessionNoteDto,
} from './dto/write-note.dto';
import { NoteCipher } from './note-cipher';
import { noteDigest } from './note-digest';
import { SessionNoteAddendumEntity } from './session-note-addendum.entity';
import { SessionNoteEntity } from './session-note.entity';
import { SessionNotesException } from './session-notes.exception';
import { SessionNotesRepository } from './session-notes.repository';

const RESOURCE = 'session-note';
/** When a follow-up a signature asks for is due, on the clinic's clock. */
const FOLLOW_UP_TIME = '09:00';

/**
 * Session notes (design sections 4 and 8). The care team reads them, psychology content only
 * psychologists on it; a practitioner writes in their own disciplines. A draft is its
 * author's until signed; a signed note never changes and takes addenda. Every read, list,
 * change, signature and addendum is in the access log.
 */
@Injectable()
export class SessionNotesService implements OnModuleInit {
  constructor(
    private readonly notes: SessionNotesRepository,
    private readonly noteCipher: NoteCipher,
    private readonly clients: ClientsService,
    private readonly clientRecords: ClientsRepository,
    private readonly outcomes: OutcomesRepository,
    private readonly clinics: ClinicsRepository,
    private readonly followUps: FollowUpsRepository,
    private readonly registry: ClientDataRegistry,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'sessionNotes',
      collect: (clientId) => this.exportOf(clientId),
      erase: (clientId) => this.notes.deleteOf(clientId),
    });
  }

  async list(
    actor: Actor,
    clientId: string,
    query: ListSessionNotesQuery,
  ): Promise<SessionNotePage> {
    if (!(await this.clientRecords.findById(clientId))) throw ClientsException.notFound();
    const access = await this.clients.requireClinicalAccess(actor, clientId);
    const page = await this.notes.history(
      clientId,
      { discipline: query.discipline, from: query.from, to: query.to, draftsOf: actor.userId },
      query.limit,
      query.cursor,
    );
    await this.audit.record({
      action: AuditAction.Read,
      resourceType: RESOURCE,
      clientId,
      purpose: access,
    });
    const mayRead = await this.contentReader(
      actor,
      clientId,
      access,
      page.data.map((note) => note.discipline),
    );
    return {
      data: page.data.map((note) =>
        this.toResponse(note, mayRead(note.discipline), note.addendaCount),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * The caller's own notes across their clients (their unsigned drafts, say), each with whose
   * note it is. The author is always the caller: nobody lists another practitioner's notes.
   * Content shows as the caller may read it now, decided for the page at once: with clinical
   * access to the client (care team or broken glass), psychology only as a psychologist on
   * the care team; else `restricted`, as for a colleague (an author taken off the care team
   * still sees that the note exists, to know the work is there, not what it says).
   *
   * Logged as a search per purpose: the clients shown under treatment, under broken glass,
   * and those shown without clinical access (administration).
   */
  async listOwn(actor: Actor, query: ListOwnSessionNotesQuery): Promise<OwnSessionNotePage> {
    const page = await this.notes.ofAuthor(
      actor.userId,
      { status: query.status },
      query.limit,
      query.cursor,
    );
    const clientIds = [...new Set(page.data.map(({ note }) => note.clientId))];
    const access = await this.clients.accessTo(actor, clientIds);
    const psychologyClients = page.data
      .filter(({ note }) => note.discipline === Discipline.Psychology)
      .map(({ note }) => note.clientId);
    const psychologistOn =
      psychologyClients.length > 0 && actor.disciplines.includes(Discipline.Psychology)
        ? await this.notes.psychologyTeamsOf(actor.userId, psychologyClients)
        : new Set<string>();
    await this.logSearch(clientIds, (clientId) => access.get(clientId) ?? null);
    return {
      data: page.data.map(({ note, client }) => {
        const clinical = access.get(note.clientId) ?? null;
        const mayRead =
          clinical !== null &&
          (note.discipline !== Discipline.Psychology ||
            (clinical === 'treatment' && psychologistOn.has(note.clientId)));
        return {
          ...this.toResponse(note, mayRead, note.addendaCount),
          client: { ...client, clientNumber: formatClientNumber(client.clientNumber) },
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  async get(actor: Actor, id: string): Promise<SessionNoteResponse> {
    const note = await this.require(actor, id);
    const access = await this.clients.requireClinicalAccess(actor, note.clientId);
    const response = await this.withAddenda(note, actor, access);
    await this.log(AuditAction.Read, note, access);
    return response;
  }

  /**
   * A new draft. An acupuncture draft may take the points of the client's last signed
   * acupuncture note, since protocols are repeated and adjusted session by session.
   */
  async create(
    actor: Actor,
    clientId: string,
    input: CreateSessionNoteDto,
  ): Promise<SessionNoteResponse> {
    const { access, timeZone } = await this.clients.requireWritableWithAccess(actor, clientId);
    await this.requireDisciplineAccess(actor, clientId, input.discipline, access);
    const errors: FieldError[] = [];
    let raw = input.content;
    let copiedPointsFrom: string | undefined;
    if (input.copyPointsFromPrevious) {
      if (input.discipline !== Discipline.Acupuncture) {
        errors.push({ field: 'copyPointsFromPrevious', message: 'is for acupuncture notes only' });
      } else if (raw.points === undefined) {
        const previous = await this.notes.previousAcupuncture(clientId, input.sessionDate);
        if (previous?.content) {
          raw = { ...raw, points: previous.content.points ?? [] };
          copiedPointsFrom = previous.id;
        }
      }
    }
    const content = await this.checkedContent(clientId, input.discipline, raw, errors, 'draft');
    errors.push(...futureDates(input.sessionDate, content, timeZone));
    await this.checkPlan(clientId, input.treatmentPlanId ?? null, errors);
    await this.checkAppointment(clientId, input.appointmentId ?? null, errors);
    if (errors.length > 0) throw RequestException.invalidFields(errors);
    const id = uuid();
    const note = await this.notes.insert({
      id,
      clientId,
      practitionerId: actor.userId,
      discipline: input.discipline,
      sessionDate: input.sessionDate,
      appointmentId: input.appointmentId ?? null,
      treatmentPlanId: input.treatmentPlanId ?? null,
      status: 'draft',
      ...this.noteCipher.sealContent(id, input.discipline, content),
      contentHash: null,
      signedAt: null,
      signedBy: null,
    });
    await this.log(AuditAction.Create, note, access);
    return {
      ...this.toResponse(note, true, 0),
      ...(copiedPointsFrom ? { copiedPointsFrom } : {}),
    };
  }

  /** The author changes their draft; fields sent replace the note's. */
  async update(
    actor: Actor,
    id: string,
    version: number,
    input: UpdateSessionNoteDto,
  ): Promise<SessionNoteResponse> {
    const { note, access } = await this.requireOwnDraft(actor, id);
    if (note.version !== version) throw staleVersion();
    const errors: FieldError[] = [];
    let content: Record<string, unknown> | undefined;
    if (input.content !== undefined) {
      content = await this.checkedContent(
        note.clientId,
        note.discipline,
        input.content,
        errors,
        'draft',
      );
      Object.assign(note, this.noteCipher.sealContent(note.id, note.discipline, content));
    }
    errors.push(...futureDates(input.sessionDate, content, await this.clinics.timeZone()));
    if (input.treatmentPlanId !== undefined) {
      await this.checkPlan(note.clientId, input.treatmentPlanId, errors);
      note.treatmentPlanId = input.treatmentPlanId;
    }
    if (input.appointmentId !== undefined) {
      await this.checkAppointment(note.clientId, input.appointmentId, errors);
      note.appointmentId = input.appointmentId;
    }
    if (errors.length > 0) throw RequestException.invalidFields(errors);
    if (input.sessionDate !== undefined) note.sessionDate = input.sessionDate;
    const saved = await this.notes.save(note);
    await this.log(AuditAction.Update, saved, access);
    return this.toResponse(saved, true, 0);
  }

  /** The author deletes their draft; a signed note stays for good. */
  async delete(actor: Actor, id: string, version?: number): Promise<void> {
    const { note, access } = await this.requireOwnDraft(actor, id);
    if (version !== undefined && note.version !== version) throw staleVersion();
    await this.notes.delete(note);
    await this.log(AuditAction.Delete, note, access);
  }

  /**
   * Freezes the draft: stores the SHA-256 of the canonical note with signer and time. May ask
   * for a follow-up task for the signer, in the same transaction. Only a complete note is
   * signed: a draft may have been saved half-written, so its content is checked in full here,
   * and a gap is a 400 naming each missing field, with the note left a draft.
   */
  async sign(
    actor: Actor,
    id: string,
    input: SignSessionNoteDto,
    version?: number,
  ): Promise<SessionNoteResponse> {
    const { note, access } = await this.requireOwnDraft(actor, id);
    if (version !== undefined && note.version !== version) throw staleVersion();
    const gaps: FieldError[] = [];
    const stored = this.noteCipher.openContent(note);
    await this.checkedContent(note.clientId, note.discipline, stored, gaps, 'complete');
    const errors = [...gaps];
    if (input.followUp?.note !== undefined && note.discipline === Discipline.Psychology) {
      // Follow-up tasks are read outside psychology (reception works the queue).
      errors.push({
        field: 'followUp.note',
        message: 'is not allowed on a psychology note: its text would leave the sealed record',
      });
    }
    if (gaps.length > 0) {
      throw new RequestException(
        RequestErrorCode.ValidationFailed,
        'The note is not complete: fill in the fields named before signing it.',
        errors,
      );
    }
    if (errors.length > 0) throw RequestException.invalidFields(errors);
    note.contentHash = this.digestOf(note);
    note.status = 'signed';
    note.signedAt = new Date();
    note.signedBy = actor.userId;
    const saved = await this.notes.save(note);
    if (input.followUp) await this.raiseFollowUp(saved, actor, input.followUp);
    await this.log(AuditAction.Sign, saved, access);
    return this.toResponse(saved, true, 0);
  }

  /** Adds to a signed note; who may write its discipline may add to it. */
  async addAddendum(
    actor: Actor,
    id: string,
    input: CreateAddendumDto,
  ): Promise<SessionNoteResponse> {
    const note = await this.require(actor, id);
    const { access } = await this.clients.requireWritableWithAccess(actor, note.clientId);
    await this.requireDisciplineAccess(actor, note.clientId, note.discipline, access);
    if (note.status !== 'signed') throw SessionNotesException.notSigned();
    const addendumId = uuid();
    await this.notes.insertAddendum({
      id: addendumId,
      noteId: note.id,
      authorId: actor.userId,
      ...this.noteCipher.sealAddendum(addendumId, note.discipline, input.text, input.reason),
    });
    await this.audit.record({
      action: AuditAction.Create,
      resourceType: 'session-note-addendum',
      resourceId: addendumId,
      clientId: note.clientId,
      purpose: access,
    });
    return this.withAddenda(note, actor, access);
  }

  /** The SHA-256 a signature stores, of the note as it is now. */
  private digestOf(note: SessionNoteEntity): string {
    return noteDigest({
      id: note.id,
      clientId: note.clientId,
      practitionerId: note.practitionerId,
      discipline: note.discipline,
      sessionDate: note.sessionDate,
      appointmentId: note.appointmentId,
      content: this.noteCipher.openContent(note),
    });
  }

  /**
   * Content as stored: valid for its discipline (as a draft or complete), point codes
   * canonical, links the client's own. Problems are added to `errors`.
   */
  private async checkedContent(
    clientId: string,
    discipline: Discipline,
    raw: Record<string, unknown>,
    errors: FieldError[],
    completeness: Completeness,
  ): Promise<Record<string, unknown>> {
    const checked = checkContent(discipline, raw, completeness);
    if (!checked.ok) {
      errors.push(...checked.errors);
      return {};
    }
    const content = checked.content;
    if (Array.isArray(content.points)) {
      content.points = (content.points as { code?: string }[]).map((point, index) => {
        // A draft's point may not have its code yet.
        if (typeof point.code !== 'string') return point;
        const known = findPoint(point.code);
        if (!known) {
          errors.push({
            field: `content.points[${index}].code`,
            message: 'is not a WHO acupuncture point (see GET /acupuncture/points)',
          });
        }
        return { ...point, code: known?.code ?? point.code };
      });
    }
    if (Array.isArray(content.linkedMeasurementIds)) {
      const ids = content.linkedMeasurementIds as string[];
      const own = await this.notes.measurementsOf(clientId, ids);
      ids.forEach((measurementId, index) => {
        if (!own.has(measurementId.toLowerCase())) {
          errors.push({
            field: `content.linkedMeasurementIds[${index}]`,
            message: 'is not a measurement of this client',
          });
        }
      });
    }
    return content;
  }

  private async checkPlan(
    clientId: string,
    planId: string | null,
    errors: FieldError[],
  ): Promise<void> {
    if (planId !== null && !(await this.outcomes.isPlanOf(clientId, planId))) {
      errors.push({ field: 'treatmentPlanId', message: 'is not a treatment plan of this client' });
    }
  }

  private async checkAppointment(
    clientId: string,
    appointmentId: string | null,
    errors: FieldError[],
  ): Promise<void> {
    if (appointmentId !== null && !(await this.notes.isAppointmentOf(clientId, appointmentId))) {
      errors.push({ field: 'appointmentId', message: 'is not an appointment of this client' });
    }
  }

  private async raiseFollowUp(
    note: SessionNoteEntity,
    actor: Actor,
    request: FollowUpRequestDto,
  ): Promise<void> {
    const timeZone = await this.clinics.timeZone();
    const dueOn = addDays(todayIn(timeZone), request.inDays);
    await this.followUps.insertOnce({
      id: uuid(),
      clientId: note.clientId,
      type: request.type,
      priority: 'normal',
      assigneeUserId: actor.userId,
      assigneeQueue: null,
      dueAt: zonedInstant(dueOn, FOLLOW_UP_TIME, timeZone),
      note: request.note ?? null,
      sourceKey: `session-note:${note.id}`,
      createdBy: actor.userId,
    });
  }

  private async withAddenda(
    note: SessionNoteEntity,
    actor: Actor,
    access: ClinicalAccess,
  ): Promise<SessionNoteResponse> {
    const addenda = await this.notes.addendaOf([note.id]);
    const mayRead = await this.contentReader(actor, note.clientId, access, [note.discipline]);
    const response = this.toResponse(note, mayRead(note.discipline), addenda.length);
    return {
      ...response,
      // Recomputed on every read of one note: a change behind the API shows as not intact.
      signature: response.signature && {
        ...response.signature,
        intact: this.digestOf(note) === note.contentHash,
      },
      addenda: addenda.map((addendum) => this.toAddendumResponse(addendum, response.restricted)),
    };
  }

  /**
   * Whether `actor` may read the content of a note of each discipline: every discipline with
   * clinical access, psychology only as a psychologist on the client's care team (design
   * section 4) — not through broken glass, nor as a team member in another discipline.
   */
  private async contentReader(
    actor: Actor,
    clientId: string,
    access: ClinicalAccess,
    disciplines: readonly Discipline[],
  ): Promise<(discipline: Discipline) => boolean> {
    const psychologist =
      disciplines.includes(Discipline.Psychology) &&
      (await this.isTeamPsychologist(actor, clientId, access));
    return (discipline) => discipline !== Discipline.Psychology || psychologist;
  }

  private async isTeamPsychologist(
    actor: Actor,
    clientId: string,
    access: ClinicalAccess,
  ): Promise<boolean> {
    if (access !== 'treatment' || !actor.disciplines.includes(Discipline.Psychology)) return false;
    return (await this.clientRecords.careTeam(clientId)).some(
      (member) => member.userId === actor.userId && member.discipline === Discipline.Psychology,
    );
  }

  /** The note as a response; its content only when `mayRead`, else `restricted`. */
  private toResponse(
    note: SessionNoteEntity,
    mayRead: boolean,
    addendaCount: number,
  ): SessionNoteResponse {
    const restricted = !mayRead;
    return {
      id: note.id,
      clientId: note.clientId,
      practitionerId: note.practitionerId,
      discipline: note.discipline,
      sessionDate: note.sessionDate,
      appointmentId: note.appointmentId,
      treatmentPlanId: note.treatmentPlanId,
      status: note.status,
      version: note.version,
      restricted,
      content: restricted ? null : this.noteCipher.openContent(note),
      signature:
        note.signedAt && note.signedBy && note.contentHash
          ? {
              signedAt: note.signedAt.toISOString(),
              signedBy: note.signedBy,
              contentHash: note.contentHash,
            }
          : null,
      addendaCount,
      createdAt: note.createdAt.toISOString(),
      updatedAt: note.updatedAt.toISOString(),
    };
  }

  private toAddendumResponse(
    addendum: SessionNoteAddendumEntity,
    restricted: boolean,
  ): AddendumResponse {
    const opened = restricted ? null : this.noteCipher.openAddendum(addendum);
    return {
      id: addendum.id,
      authorId: addendum.authorId,
      text: opened?.text ?? null,
      reason: opened?.reason ?? null,
      createdAt: addendum.createdAt.toISOString(),
    };
  }

  /** Everything, psychology decrypted: the client has the right to their own record. */
  private async exportOf(clientId: string): Promise<unknown[]> {
    const notes = await this.notes.allOf(clientId);
    const addenda = await this.notes.addendaOf(notes.map((note) => note.id));
    return notes.map((note) => ({
      id: note.id,
      practitionerId: note.practitionerId,
      discipline: note.discipline,
      sessionDate: note.sessionDate,
      status: note.status,
      content: this.noteCipher.openContent(note),
      signedAt: note.signedAt?.toISOString() ?? null,
      contentHash: note.contentHash,
      addenda: addenda
        .filter((addendum) => addendum.noteId === note.id)
        .map((addendum) => ({
          authorId: addendum.authorId,
          ...this.noteCipher.openAddendum(addendum),
          createdAt: addendum.createdAt.toISOString(),
        })),
    }));
  }

  /** The author's draft, locked, of a record that may still change. */
  private async requireOwnDraft(
    actor: Actor,
    id: string,
  ): Promise<{ note: SessionNoteEntity; access: ClinicalAccess }> {
    const note = await this.clients.lockAfterClient(await this.require(actor, id), () =>
      this.notes.findById(id, true),
    );
    const access = await this.clients.requireClinicalAccess(actor, note.clientId);
    if (note.status === 'signed') throw SessionNotesException.signed();
    if (note.practitionerId !== actor.userId) throw SessionNotesException.authorOnly();
    return { note, access };
  }

  /** A note of this clinic; someone else's draft is not there for the caller. */
  private async require(actor: Actor, id: string): Promise<SessionNoteEntity> {
    const note = await this.notes.findById(id);
    if (!note || (note.status === 'draft' && note.practitionerId !== actor.userId)) {
      throw SessionNotesException.notFound();
    }
    return note;
  }

  /** 403 unless `access` lets `actor` write notes of `discipline` about the client. */
  private async requireDisciplineAccess(
    actor: Actor,
    clientId: string,
    discipline: Discipline,
    access: ClinicalAccess,
  ): Promise<void> {
    const allowed =
      mayWriteNote(actor, discipline, access) &&
      (discipline !== Discipline.Psychology ||
        (await this.isTeamPsychologist(actor, clientId, access)));
    if (!allowed) throw SessionNotesException.disciplineForbidden(discipline);
  }

  /** One search row per purpose the clients were shown under; one row for none at all. */
  private async logSearch(
    clientIds: readonly string[],
    accessOf: (clientId: string) => ClinicalAccess | null,
  ): Promise<void> {
    const byPurpose = new Map<AuditPurpose, string[]>();
    for (const clientId of clientIds) {
      const purpose = accessOf(clientId) ?? 'administration';
      byPurpose.set(purpose, [...(byPurpose.get(purpose) ?? []), clientId]);
    }
    if (byPurpose.size === 0) byPurpose.set('administration', []);
    for (const [purpose, ids] of byPurpose) {
      await this.audit.record({
        action: AuditAction.Search,
        resourceType: RESOURCE,
        clientIds: ids,
        purpose,
      });
    }
  }

  private async log(
    action: AuditAction,
    note: SessionNoteEntity,
    purpose: ClinicalAccess,
  ): Promise<void> {
    await this.audit.record({
      action,
      resourceType: RESOURCE,
      resourceId: note.id,
      clientId: note.clientId,
      purpose,
    });
  }
}

/** Field errors for the session date and reintroduction challenge dates after today. */
function futureDates(
  sessionDate: string | undefined,
  content: Record<string, unknown> | undefined,
  timeZone: string,
): FieldError[] {
  const challenges = Array.isArray(content?.challenges)
    ? (content.challenges as { date?: string }[])
    : [];
  return [
    ...notAfterToday('sessionDate', sessionDate, timeZone),
    ...challenges.flatMap((challenge, index) =>
      notAfterToday(`content.challenges[${index}].date`, challenge.date, timeZone),
    ),
  ];
}
