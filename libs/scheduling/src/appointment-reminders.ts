import { Injectable } from '@nestjs/common';
import { ClientsRepository, ConsentsRepository } from '@meridian/clients';
import { ClinicsRepository } from '@meridian/clinics';
import { Notifications } from '@meridian/notifications';
import type { AppointmentEntity } from './appointment.entity';
import { reminderMessage } from './reminder-message';

const MINUTE = 60_000;

/**
 * The e-mail reminder of an appointment, kept in step with it: each booking or move schedules
 * one for the appointment as it now is (at the clinic's lead time before the start) and
 * cancels any earlier one still pending. Only for a client with an e-mail address and an
 * e-mail reminder consent in force, and only when the lead time has not already passed.
 */
@Injectable()
export class AppointmentReminders {
  constructor(
    private readonly clients: ClientsRepository,
    private readonly consents: ConsentsRepository,
    private readonly clinics: ClinicsRepository,
    private readonly notifications: Notifications,
  ) {}

  async reschedule(appointment: AppointmentEntity, practitionerName: string): Promise<void> {
    await this.notifications.cancelPending(`reminder:${appointment.id}:`);
    if (appointment.status !== 'booked') return;
    const clinic = await this.clinics.findCurrent();
    if (!clinic) return;
    const sendAt = new Date(appointment.startsAt.getTime() - clinic.reminderLeadMinutes * MINUTE);
    if (sendAt.getTime() <= Date.now()) return;
    const client = await this.clients.findById(appointment.clientId);
    if (!client?.email) return;
    if (!(await this.consents.inForce(client.id, 'email-reminders'))) return;
    await this.notifications.send(
      {
        kind: 'appointment-reminder',
        // The version: a move back to an earlier time is still a new reminder.
        sourceKey: `reminder:${appointment.id}:${appointment.version}`,
        clientId: client.id,
        userId: null,
        recipient: client.email,
        ...reminderMessage(clinic.locale, {
          clientFirstName: client.firstName,
          startsAt: appointment.startsAt,
          practitionerName,
          clinicName: clinic.name,
          timeZone: clinic.timeZone,
        }),
      },
      sendAt,
    );
  }
}
