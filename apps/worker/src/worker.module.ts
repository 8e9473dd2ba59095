import { Module } from '@nestjs/common';
import { ClientsRepository } from '@meridian/clients/clients.repository';
import { ConsentsRepository } from '@meridian/clients/consents.repository';
import { RetentionRepository } from '@meridian/clients/retention.repository';
import { ClinicsRepository } from '@meridian/clinics/clinics.repository';
import {
  FollowUpJobs,
  FollowUpNotices,
  FollowUpsRepository,
  RaisedFollowUps,
} from '@meridian/follow-ups';
import {
  Mailer,
  Notifications,
  NotificationSender,
  NotificationsRepository,
} from '@meridian/notifications';
import { OutcomesRepository } from '@meridian/outcomes/outcomes.repository';
import { AppointmentReminders } from '@meridian/scheduling/appointment-reminders';
import { AppointmentsRepository } from '@meridian/scheduling/appointments.repository';
import { UsersRepository } from '@meridian/users/users.repository';
import { TreatmentPlansRepository } from '@meridian/treatment-plans/treatment-plans.repository';
import { AuditModule } from '@meridian/audit';
import { CoreModule, LoggingModule } from '@meridian/core';
import { DbModule } from '@meridian/db';
import { JobHandlersModule, QueueModule } from '@meridian/queue';
import { ClsModule } from 'nestjs-cls';
import { FollowUpNoticesHandler } from './follow-ups/follow-up-notices.handler';
import { RaisedFollowUpsHandler } from './follow-ups/raised-follow-ups.handler';
import { EmailSendHandler } from './notifications/email-send.handler';
import { AuditSealHandler } from './maintenance/audit-seal.handler';
import { RetentionScanHandler } from './maintenance/retention-scan.handler';
import { OutboxPruneHandler } from './maintenance/outbox-prune.handler';
import { Reconciler } from './maintenance/reconciler';
import { OutboxRelay } from './outbox/outbox-relay';
import { JobPublisher } from './queues/job-publisher';
import { QueueWorkers } from './queues/queue-workers';
import { AppointmentReminderHandler } from './reminders/appointment-reminder.handler';

/** The worker: queue processors, the outbox relay and the recurring maintenance jobs. */
@Module({
  imports: [
    CoreModule,
    ClsModule.forRoot({ global: true }),
    LoggingModule.forRoot(),
    DbModule,
    QueueModule,
    JobHandlersModule,
    AuditModule,
  ],
  providers: [
    JobPublisher,
    OutboxRelay,
    Reconciler,
    QueueWorkers,
    OutboxPruneHandler,
    AuditSealHandler,
    RetentionRepository,
    RetentionScanHandler,
    // Repositories only: the worker needs no API services, guards or request pipeline.
    ClientsRepository,
    ConsentsRepository,
    ClinicsRepository,
    OutcomesRepository,
    TreatmentPlansRepository,
    UsersRepository,
    AppointmentsRepository,
    FollowUpsRepository,
    FollowUpJobs,
    RaisedFollowUps,
    RaisedFollowUpsHandler,
    FollowUpNotices,
    FollowUpNoticesHandler,
    AppointmentReminders,
    AppointmentReminderHandler,
    NotificationsRepository,
    Notifications,
    Mailer,
    NotificationSender,
    EmailSendHandler,
  ],
})
export class WorkerModule {}
