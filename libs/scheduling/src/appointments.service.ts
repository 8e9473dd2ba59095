import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { Role } from '@meridian/auth/access/role';
import {
  ClientDataRegistry,
  ClientsRepository,
  ClientsService,
  formatClientNumber,
} from '@meridian/clients';
import { ClinicsRepository } from '@meridian/clinics';
import { Actor, FieldError, RequestException, staleVersion } from '@meridian/core';
import { FollowUpJobs } from '@meridian/follow-ups/follow-up-jobs';
import { v7 as uuid } from 'uuid';
import { AppointmentEntity, AppointmentStatus, AppointmentType } from './appointment.entity';
import { AppointmentReminders } from './appointment-reminders';
import { AppointmentRow, AppointmentsRepository } from './appointments.repository';
import {
  AppointmentPage,
  AppointmentResponse,
  BookAppointmentDto,
  ListAppointmentsQuery,
  MoveAppointmentDto,
} from './dto/appointment.dto';
import { ConflictingSlot, SchedulingException } from './scheduling.exception';

const RESOURCE = 'appointment';
const MINUTE = 60_000;
const SHORTEST_MINUTES = 5;
const LONGEST_MINUTES = 240;
/** A day or week view; a longer period is asked for in parts. */
const LONGEST_VIEW_DAYS = 31;

/** Where each action may take an appointment from, and where to. */
const TRANSITIONS: Record<string, { from: readonly AppointmentStatus[]; to: AppointmentStatus }> = {
  'checked in': { from: ['booked'], to: 'arrived' },
  completed: { from: ['arrived'], to: 'completed' },
  'marked a no-show': { from: ['booked'], to: 'no-show' },
  cancelled: { from: ['booked', 'arrived'], to: 'cancelled' },
};

/**
 * Appointments (design section 8). Reception books and changes any; a practitioner their own.
 * Everyone who may read appointments sees client name and type, never clinical content.
 */
@Injectable()
export class AppointmentsService implements OnModuleInit {
  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly clients: ClientsService,
    private readonly clientRecords: ClientsRepository,
    private readonly clinics: ClinicsRepository,
    private readonly followUps: FollowUpJobs,
    private readonly registry: ClientDataRegistry,
    private readonly reminders: AppointmentReminders,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'appointments',
      collect: async (clientId) =>
        (await this.appointments.ofClient(clientId)).map((appointment) => ({
          id: appointment.id,
          practitionerId: appointment.practitionerId,
          type: appointment.type,
          startsAt: appointment.startsAt.toISOString(),
          endsAt: appointment.endsAt.toISOString(),
          status: appointment.status,
          cancelReason: appointment.cancelReason,
        })),
      erase: (clientId) => this.appointments.deleteOf(clientId),
    });
  }

  async list(actor: Actor, query: ListAppointmentsQuery): Promise<AppointmentPage> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to.getTime() <= from.getTime()) {
      throw RequestException.invalidFields([{ field: 'to', message: 'must be after from' }]);
    }
    if (to.getTime() - from.getTime() > LONGEST_VIEW_DAYS * 24 * 60 * MINUTE) {
      throw RequestException.invalidFields([
        { field: 'to', message: `must be at most ${LONGEST_VIEW_DAYS} days after from` },
      ]);
    }
    let practitionerId = query.practitionerId;
    if (seesOwnOnly(actor)) {
      if (practitionerId && practitionerId !== actor.userId) throw SchedulingException.ownOnly();
      practitionerId = actor.userId;
    }
    const page = await this.appointments.list(
      {
        from: from.toISOString(),
        to: to.toISOString(),
        practitionerId,
        clientId: query.clientId,
      },
      query.limit,
      query.cursor,
    );
    await this.audit.record({
      action: AuditAction.Search,
      resourceType: RESOURCE,
      clientIds: [...new Set(page.data.map((row) => row.clientId))],
      purpose: 'administration',
    });
    return {
      data: page.data.map(toResponse),
      nextCursor: page.nextCursor,
      timeZone: await this.clinics.timeZone(),
    };
  }

  async get(actor: Actor, id: string): Promise<AppointmentResponse> {
    const row = await this.appointments.row(id);
    if (!row) throw SchedulingException.notFound();
    if (seesOwnOnly(actor) && row.practitionerId !== actor.userId) {
      throw SchedulingException.ownOnly();
    }
    await this.log(AuditAction.Read, row.id, row.clientId);
    return toResponse(row);
  }

  async book(actor: Actor, input: BookAppointmentDto): Promise<AppointmentResponse> {
    await this.clients.requireWritable(input.clientId);
    assertMayManage(actor, input.practitionerId);
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const errors = timeProblems(startsAt, endsAt);
    if (startsAt.getTime() <= Date.now()) {
      errors.unshift({ field: 'startsAt', message: 'must be in the future for a new booking' });
    }
    errors.push(...(await this.practitionerProblems(input.practitionerId, input.type)));
    if (errors.length > 0) throw RequestException.invalidFields(errors);
    const appointment = await this.saved({
      id: uuid(),
      clientId: input.clientId,
      practitionerId: input.practitionerId,
      type: input.type,
      startsAt,
      endsAt,
      status: 'booked',
      cancelReason: null,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    } as AppointmentEntity);
    await this.log(AuditAction.Create, appointment.id, appointment.clientId);
    return this.remindedResponse(appointment);
  }

  /** Another time, practitioner or type for a booked appointment. */
  async move(
    actor: Actor,
    id: string,
    version: number,
    input: MoveAppointmentDto,
  ): Promise<AppointmentResponse> {
    const appointment = await this.requireForChange(actor, id);
    if (appointment.status !== 'booked') {
      throw SchedulingException.invalidTransition(appointment.status, 'moved');
    }
    if (appointment.version !== version) throw staleVersion();
    const practitionerId = input.practitionerId ?? appointment.practitionerId;
    assertMayManage(actor, practitionerId);
    const type = input.type ?? appointment.type;
    const startsAt = input.startsAt ? new Date(input.startsAt) : appointment.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : appointment.endsAt;
    const errors = timeProblems(startsAt, endsAt);
    if (input.startsAt && startsAt.getTime() <= Date.now()) {
      errors.unshift({ field: 'startsAt', message: 'must be in the future' });
    }
    errors.push(...(await this.practitionerProblems(practitionerId, type)));
    if (errors.length > 0) throw RequestException.invalidFields(errors);
    Object.assign(appointment, { practitionerId, type, startsAt, endsAt, updatedBy: actor.userId });
    const moved = await this.saved(appointment);
    await this.log(AuditAction.Update, appointment.id, appointment.clientId);
    return this.remindedResponse(moved);
  }

  checkIn(actor: Actor, id: string): Promise<AppointmentResponse> {
    return this.transition(actor, id, 'checked in');
  }

  complete(actor: Actor, id: string): Promise<AppointmentResponse> {
    return this.transition(actor, id, 'completed');
  }

  /** The client did not come: reception gets a task to call them and rebook. */
  async noShow(actor: Actor, id: string): Promise<AppointmentResponse> {
    const response = await this.transition(actor, id, 'marked a no-show');
    await this.followUps.raise({
      id: uuid(),
      clientId: response.client.id,
      type: 'call',
      priority: 'normal',
      assigneeUserId: null,
      assigneeQueue: 'reception',
      dueAt: new Date(),
      note: `Missed the appointment of ${await this.local(new Date(response.startsAt))}: call the client to rebook.`,
      sourceKey: `no-show:${id}`,
      createdBy: actor.userId,
    });
    return response;
  }

  cancel(actor: Actor, id: string, reason: string): Promise<AppointmentResponse> {
    return this.transition(actor, id, 'cancelled', reason);
  }

  private async transition(
    actor: Actor,
    id: string,
    action: keyof typeof TRANSITIONS,
    reason?: string,
  ): Promise<AppointmentResponse> {
    const appointment = await this.requireForChange(actor, id);
    const { from, to } = TRANSITIONS[action];
    if (!from.includes(appointment.status)) {
      throw SchedulingException.invalidTransition(appointment.status, action);
    }
    appointment.status = to;
    appointment.updatedBy = actor.userId;
    if (reason !== undefined) appointment.cancelReason = reason;
    const saved = await this.appointments.save(appointment);
    await this.log(AuditAction.Update, appointment.id, appointment.clientId);
    return this.remindedResponse(saved);
  }

  /** Saves unless the practitioner is booked then: 409 naming the slot in the way. */
  private async saved(appointment: AppointmentEntity): Promise<AppointmentEntity> {
    const outcome = await this.appointments.saveUnlessOverlapping(appointment);
    if ('saved' in outcome) return outcome.saved;
    throw SchedulingException.slotTaken(outcome.conflict, await this.describe(outcome.conflict));
  }

  /** An active practitioner of this clinic who practises the appointment's discipline. */
  private async practitionerProblems(
    practitionerId: string,
    type: AppointmentType,
  ): Promise<FieldError[]> {
    const disciplines = (await this.clientRecords.practitioners([practitionerId])).get(
      practitionerId,
    );
    if (!disciplines) {
      return [{ field: 'practitionerId', message: 'is not an active practitioner of this clinic' }];
    }
    if (type !== 'intake' && !disciplines.includes(type)) {
      return [{ field: 'practitionerId', message: `does not practise ${type}` }];
    }
    return [];
  }

  /** The appointment locked for a change, of a client whose record may still change. */
  private async requireForChange(actor: Actor, id: string): Promise<AppointmentEntity> {
    const found = await this.appointments.findById(id);
    if (!found) throw SchedulingException.notFound();
    const appointment = await this.clients.lockAfterClient(found, () =>
      this.appointments.findById(id, true),
    );
    assertMayManage(actor, appointment.practitionerId);
    return appointment;
  }

  /** The response, with the reminder brought in step with the appointment as it now is. */
  private async remindedResponse(appointment: AppointmentEntity): Promise<AppointmentResponse> {
    await this.reminders.reschedule(appointment);
    return this.response(appointment.id);
  }

  private async response(id: string): Promise<AppointmentResponse> {
    const row = await this.appointments.row(id);
    if (!row) throw SchedulingException.notFound();
    return toResponse(row);
  }

  /** `on 25 Nov 2026 from 10:00 to 10:45 (Europe/Amsterdam)` */
  private async describe(slot: ConflictingSlot): Promise<string> {
    const timeZone = await this.clinics.timeZone();
    const day = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium' });
    const time = new Intl.DateTimeFormat('en-GB', { timeZone, timeStyle: 'short' });
    const starts = new Date(slot.startsAt);
    return `on ${day.format(starts)} from ${time.format(starts)} to ${time.format(new Date(slot.endsAt))} (${timeZone})`;
  }

  private async local(instant: Date): Promise<string> {
    const timeZone = await this.clinics.timeZone();
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(instant);
  }

  private async log(action: AuditAction, id: string, clientId: string): Promise<void> {
    await this.audit.record({
      action,
      resourceType: RESOURCE,
      resourceId: id,
      clientId,
      purpose: 'administration',
    });
  }
}

/** Start before end, and a length a session can have. */
function timeProblems(startsAt: Date, endsAt: Date): FieldError[] {
  const minutes = (endsAt.getTime() - startsAt.getTime()) / MINUTE;
  if (minutes <= 0) return [{ field: 'endsAt', message: 'must be after startsAt' }];
  if (minutes < SHORTEST_MINUTES || minutes > LONGEST_MINUTES) {
    return [
      {
        field: 'endsAt',
        message: `must make an appointment of ${SHORTEST_MINUTES} minutes to ${LONGEST_MINUTES / 60} hours`,
      },
    ];
  }
  return [];
}

/** A practitioner without a desk role sees and manages their own appointments only. */
function seesOwnOnly(actor: Actor): boolean {
  const desk = [Role.Receptionist, Role.Manager, Role.Admin] as string[];
  return !actor.roles.some((role) => desk.includes(role));
}

function assertMayManage(actor: Actor, practitionerId: string): void {
  if (!actor.roles.includes(Role.Receptionist) && practitionerId !== actor.userId) {
    throw SchedulingException.ownOnly();
  }
}

function toResponse(row: AppointmentRow): AppointmentResponse {
  return {
    id: row.id,
    client: {
      id: row.clientId,
      name: row.clientName,
      clientNumber: formatClientNumber(row.clientNumber),
    },
    practitioner: { id: row.practitionerId, name: row.practitionerName },
    type: row.type,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: row.status,
    version: row.version,
  };
}
