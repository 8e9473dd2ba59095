import { Injectable } from '@nestjs/common';
import { ClientsRepository, ConsentsRepository } from '@meridian/clients';
import type { ClientEntity } from '@meridian/clients/client.entity';
import type { ClinicEntity } from '@meridian/clinics/clinic.entity';
import { ClinicsRepository } from '@meridian/clinics';
import { Notifications } from '@meridian/notifications';
import { EARLY_RUN_TOLERANCE_MS, JobName, Outbox } from '@meridian/queue';
import type { AppointmentEntity } from './appointment.entity';
import { AppointmentsRepository } from './appointments.repository';
import { reminderMessage } from './reminder-message';

const MINUTE = 60_000;

/** What a reminder job came to. */
export type Reminded = 'queued' | 'not-yet' | 'moot';

/**
 * The e-mail reminder of an appointment, at the clinic's lead time before the start, for a
 * client with an e-mail address and an e-mail reminder consent in force. Each booking or move
 * records on the appointment whether and when a reminder is owed (`reminderAt`) and asks for
 * a `reminders.appointment` job then; a booking less than the lead time ahead earns none. At
 * that time the worker re-reads everything (a moved, cancelled or withdrawn-from appointment
 * makes the job moot) and hands the message to the notifications, once per start time.
 */
@Injectable()
export class AppointmentReminders {
  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly clients: ClientsRepository,
    private readonly consents: ConsentsRepository,
    private readonly clinics: ClinicsRepository,
    private readonly notifications: Notifications,
    private readonly outbox: Outbox,
  ) {}

  /** After a booking, move or transition: the reminder the appointment now owes, if any. */
  async reschedule(appointment: AppointmentEntity): Promise<void> {
    // A message composed but not yet sent is for the time the appointment had.
    await this.notifications.cancelPending(`reminder:${appointment.id}:`);
    const clinic = await this.clinics.findCurrent();
    const reminderAt = clinic ? await this.owedAt(appointment, clinic) : null;
    await this.appointments.setReminderAt(appointment.id, reminderAt);
    if (!clinic || !reminderAt) return;
    await this.outbox.add(
      JobName.AppointmentReminder,
      { clinicId: clinic.id, appointmentId: appointment.id, remindAt: reminderAt.getTime() },
      { runAt: reminderAt },
    );
  }

  /** The worker at the reminder time: composes and queues the e-mail, unless moot by now. */
  async send(appointmentId: string): Promise<Reminded> {
    const appointment = await this.appointments.findById(appointmentId, true);
    if (!appointment?.reminderAt || appointment.status !== 'booked') return 'moot';
    // Moved later: the job of the new time comes then.
    if (appointment.reminderAt.getTime() > Date.now() + EARLY_RUN_TOLERANCE_MS) return 'not-yet';
    await this.appointments.setReminderAt(appointment.id, null);
    // Redis was down past the start: a reminder now would be nonsense.
    if (appointment.startsAt.getTime() <= Date.now()) return 'moot';
    // One connection per transaction: the queries go one after another.
    const clinic = await this.clinics.findCurrent();
    const client = await this.recipient(appointment.clientId);
    const row = await this.appointments.row(appointment.id);
    if (!clinic || !client?.email || !row) return 'moot';
    await this.notifications.send({
      kind: 'appointment-reminder',
      // One reminder per start time, however often the job runs or the appointment moves.
      sourceKey: `reminder:${appointment.id}:${appointment.startsAt.getTime()}`,
      clientId: client.id,
      userId: null,
      recipient: client.email,
      ...reminderMessage(clinic.locale, {
        clientFirstName: client.firstName,
        startsAt: appointment.startsAt,
        practitionerName: row.practitionerName,
        clinicName: clinic.name,
        timeZone: clinic.timeZone,
      }),
    });
    return 'queued';
  }

  private async owedAt(appointment: AppointmentEntity, clinic: ClinicEntity): Promise<Date | null> {
    if (appointment.status !== 'booked') return null;
    const at = new Date(appointment.startsAt.getTime() - clinic.reminderLeadMinutes * MINUTE);
    if (at.getTime() <= Date.now()) return null;
    return (await this.recipient(appointment.clientId)) ? at : null;
  }

  /** The client, if they have an address and want reminders (asked again at sending time). */
  private async recipient(clientId: string): Promise<ClientEntity | null> {
    const client = await this.clients.findById(clientId);
    if (!client?.email) return null;
    return (await this.consents.inForce(client.id, 'email-reminders')) ? client : null;
  }
}
