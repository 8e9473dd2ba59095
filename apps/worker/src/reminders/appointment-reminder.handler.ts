import { Injectable, Logger } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { AppointmentReminderPayload, JobHandler, JobName } from '@meridian/queue';
import { AppointmentReminders } from '@meridian/scheduling/appointment-reminders';

/** Composes an appointment's reminder at its time; the e-mail goes as its own job. */
@Injectable()
export class AppointmentReminderHandler {
  private readonly logger = new Logger(AppointmentReminderHandler.name);

  constructor(
    private readonly tx: TenantTransaction,
    private readonly reminders: AppointmentReminders,
  ) {}

  @JobHandler(JobName.AppointmentReminder)
  async remind(payload: AppointmentReminderPayload): Promise<void> {
    const outcome = await this.tx.run(payload.clinicId, () =>
      this.reminders.send(payload.appointmentId),
    );
    this.logger.log({ appointmentId: payload.appointmentId, outcome }, 'appointment reminder');
  }
}
