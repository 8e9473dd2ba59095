import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { ClientsModule } from '@meridian/clients';
import { ClinicsModule } from '@meridian/clinics';
import { FollowUpsModule } from '@meridian/follow-ups';
import { NotificationsModule } from '@meridian/notifications';
import { QueueModule } from '@meridian/queue';
import { AppointmentReminders } from './appointment-reminders';
import { AppointmentsRepository } from './appointments.repository';
import { AppointmentsService } from './appointments.service';

/** Appointments: booking without double booking, the day's list, check-in to completion. */
@Module({
  imports: [
    AuditModule,
    ClientsModule,
    ClinicsModule,
    FollowUpsModule,
    NotificationsModule,
    QueueModule,
  ],
  providers: [AppointmentsRepository, AppointmentsService, AppointmentReminders],
  exports: [AppointmentsRepository, AppointmentsService],
})
export class SchedulingModule {}
