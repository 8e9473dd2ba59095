import { AuditEventEntity } from '@meridian/audit/audit-event.entity';
import { BreakGlassGrantEntity } from '@meridian/auth/break-glass/break-glass-grant.entity';
import { RefreshTokenEntity } from '@meridian/auth/sessions/refresh-token.entity';
import { SessionEntity } from '@meridian/auth/sessions/session.entity';
import { ClinicEntity } from '@meridian/clinics/clinic.entity';
import { CareTeamMemberEntity } from '@meridian/clients/care-team-member.entity';
import { ClientNumberCounterEntity } from '@meridian/clients/client-number-counter.entity';
import { ClientEntity } from '@meridian/clients/client.entity';
import { ConsentEntity } from '@meridian/clients/consent.entity';
import { ErasureRequestEntity } from '@meridian/clients/erasure-request.entity';
import { RetentionReviewEntity } from '@meridian/clients/retention-review.entity';
import { ClinicScaleEntity } from '@meridian/outcomes/clinic-scale.entity';
import { MeasurementEntity } from '@meridian/outcomes/measurement.entity';
import { FollowUpTaskEntity } from '@meridian/follow-ups/follow-up-task.entity';
import { TreatmentPlanVersionEntity } from '@meridian/treatment-plans/treatment-plan-version.entity';
import { TreatmentPlanEntity } from '@meridian/treatment-plans/treatment-plan.entity';
import { SessionNoteAddendumEntity } from '@meridian/session-notes/session-note-addendum.entity';
import { SessionNoteEntity } from '@meridian/session-notes/session-note.entity';
import { AppointmentEntity } from '@meridian/scheduling/appointment.entity';
import { NotificationEntity } from '@meridian/notifications/notification.entity';
import { OutboxEntity } from '@meridian/queue/outbox/outbox.entity';
import { UserEntity } from '@meridian/users/user.entity';

/**
 * Every entity of the service. Entity files import nothing but TypeORM, so this list can name
 * them without making the db lib depend on the domain libs' services.
 */
export const ENTITIES = [
  ClinicEntity,
  OutboxEntity,
  UserEntity,
  SessionEntity,
  RefreshTokenEntity,
  BreakGlassGrantEntity,
  AuditEventEntity,
  ClientEntity,
  ClientNumberCounterEntity,
  CareTeamMemberEntity,
  ConsentEntity,
  ErasureRequestEntity,
  RetentionReviewEntity,
  ClinicScaleEntity,
  MeasurementEntity,
  TreatmentPlanEntity,
  TreatmentPlanVersionEntity,
  FollowUpTaskEntity,
  SessionNoteEntity,
  SessionNoteAddendumEntity,
  AppointmentEntity,
  NotificationEntity,
];
