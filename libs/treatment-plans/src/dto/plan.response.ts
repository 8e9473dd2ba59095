import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Discipline } from '@meridian/auth/access/role';
import {
  DIET_PROTOCOLS,
  GOAL_STATUSES,
  PHASE_KINDS,
  PLAN_STATUSES,
  PlanContent,
  PlanStatus,
} from '../plan-content';
import type { TreatmentPlanVersionEntity } from '../treatment-plan-version.entity';
import type { TreatmentPlanEntity } from '../treatment-plan.entity';

/**
 * How much of a plan a caller sees (design section 4): the care team everything, reception
 * the title and status, managers the status.
 */
export type PlanView = 'full' | 'summary' | 'status';

export class PhaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PHASE_KINDS }) kind!: string;
  @ApiProperty({ enum: DIET_PROTOCOLS, nullable: true }) dietProtocol!: string | null;
  @ApiProperty({ example: '2026-12-01' }) startsOn!: string;
  @ApiProperty({ example: '2027-01-11' }) endsOn!: string;
  @ApiProperty({ type: String, nullable: true }) exitCriteria!: string | null;
}

export class GoalResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 'PHQ-9' }) instrument!: string;
  @ApiProperty({ type: Number, nullable: true }) baseline!: number | null;
  @ApiProperty() target!: number;
  @ApiProperty({ enum: ['lower-is-better', 'higher-is-better'] }) direction!: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-03-01' }) dueOn!: string | null;
  @ApiProperty({ enum: GOAL_STATUSES }) status!: string;
}

export class FrequencyResponse {
  @ApiProperty() sessions!: number;
  @ApiProperty() perWeeks!: number;
}

export class InterventionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: Discipline }) discipline!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) practitionerId!: string | null;
  @ApiProperty({ type: FrequencyResponse }) frequency!: FrequencyResponse;
}

export class PlanChangeResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty({ format: 'uuid' }) changedBy!: string;
  @ApiProperty({
    type: [String],
    example: ['phases'],
    description: 'The fields that differ from the version before (all of them in version 1).',
  })
  changes!: string[];
}

export class TreatmentPlanResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({
    enum: ['full', 'summary', 'status'],
    description:
      '`full` for the care team (or broken glass), `summary` (title and status) for reception, `status` for managers. Fields outside the view are left out.',
  })
  view!: PlanView;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: PlanStatus;
  @ApiProperty({ description: 'The version shown; its ETag for If-Match.' }) version!: number;
  @ApiPropertyOptional({ description: 'The newest version, when an older one is shown.' })
  latestVersion?: number;
  @ApiPropertyOptional({ description: 'summary and full' }) title?: string;
  @ApiPropertyOptional({ format: 'uuid' }) leadPractitionerId?: string;
  @ApiPropertyOptional({ enum: Discipline, isArray: true }) disciplines?: string[];
  @ApiPropertyOptional({ type: [PhaseResponse] }) phases?: PhaseResponse[];
  @ApiPropertyOptional({ type: [GoalResponse] }) goals?: GoalResponse[];
  @ApiPropertyOptional({ type: [InterventionResponse] }) interventions?: InterventionResponse[];
  @ApiPropertyOptional({ format: 'uuid' }) createdBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) createdAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updatedAt?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  activatedAt?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Completed or cancelled at.',
  })
  endedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) cancelReason?: string | null;
  @ApiPropertyOptional({
    type: PlanChangeResponse,
    description: 'Who made the version shown, when, and what it changed (`GET` of one plan).',
  })
  change?: PlanChangeResponse;
}

export class TreatmentPlanPage {
  @ApiProperty({ type: [TreatmentPlanResponse], description: 'Newest first.' })
  data!: TreatmentPlanResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export function contentOf(plan: TreatmentPlanEntity): PlanContent {
  return {
    title: plan.title,
    status: plan.status,
    leadPractitionerId: plan.leadPractitionerId,
    disciplines: plan.disciplines,
    phases: plan.phases,
    goals: plan.goals,
    interventions: plan.interventions,
  };
}

export function changeResponse(version: TreatmentPlanVersionEntity): PlanChangeResponse {
  return {
    version: version.version,
    changedAt: version.changedAt.toISOString(),
    changedBy: version.changedBy,
    changes: version.changes,
  };
}

/** The current plan in `view`. */
export function toPlanResponse(plan: TreatmentPlanEntity, view: PlanView): TreatmentPlanResponse {
  const head = {
    id: plan.id,
    clientId: plan.clientId,
    view,
    status: plan.status,
    version: plan.version,
  };
  if (view === 'status') return head;
  if (view === 'summary') return { ...head, title: plan.title };
  return {
    ...head,
    ...contentOf(plan),
    createdBy: plan.createdBy,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
    activatedAt: plan.activatedAt?.toISOString() ?? null,
    endedAt: plan.endedAt?.toISOString() ?? null,
    cancelReason: plan.cancelReason,
  };
}

/** An older version of `plan`, as it was stored then, in `view`. */
export function toVersionResponse(
  plan: TreatmentPlanEntity,
  stored: TreatmentPlanVersionEntity,
  view: PlanView,
): TreatmentPlanResponse {
  const content = stored.content;
  const head = {
    id: plan.id,
    clientId: plan.clientId,
    view,
    status: content.status,
    version: stored.version,
    latestVersion: plan.version,
  };
  if (view === 'status') return head;
  if (view === 'summary') return { ...head, title: content.title };
  return {
    ...head,
    ...content,
    createdBy: plan.createdBy,
    createdAt: plan.createdAt.toISOString(),
    change: changeResponse(stored),
  };
}
