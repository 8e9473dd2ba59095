import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsInstant, IsOmittable, PageQuery, Trim } from '@meridian/core';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ASSIGNEE_QUEUES,
  FOLLOW_UP_PRIORITIES,
  FOLLOW_UP_STATUSES,
  FOLLOW_UP_TYPES,
  FollowUpPriority,
  FollowUpType,
  RECURRENCE_UNITS,
  RecurrenceUnit,
} from '../follow-up-task.entity';

/** A user, or the reception queue: exactly one of the two. */
export class AssigneeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An active user of the clinic.' })
  @ValidateIf((assignee: AssigneeDto) => assignee.queue === undefined)
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: ASSIGNEE_QUEUES })
  @ValidateIf((assignee: AssigneeDto) => assignee.userId === undefined)
  @IsIn(ASSIGNEE_QUEUES, { message: `queue must be ${ASSIGNEE_QUEUES.join(', ')}` })
  queue?: (typeof ASSIGNEE_QUEUES)[number];
}

export class RecurrenceDto {
  @ApiProperty({ example: 2, minimum: 1, maximum: 365 })
  @IsInt()
  @Min(1)
  @Max(365)
  every!: number;

  @ApiProperty({ enum: RECURRENCE_UNITS })
  @IsIn(RECURRENCE_UNITS, { message: `unit must be one of ${RECURRENCE_UNITS.join(', ')}` })
  unit!: RecurrenceUnit;

  @ApiPropertyOptional({ example: '2027-06-30', description: 'No occurrence due after this day.' })
  @IsOptional()
  @IsCalendarDate()
  until?: string;

  @ApiPropertyOptional({
    example: 6,
    minimum: 2,
    maximum: 1000,
    description: 'Occurrences in all.',
  })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(1000)
  count?: number;
}

export class CreateFollowUpDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId!: string;

  @ApiProperty({ enum: FOLLOW_UP_TYPES })
  @IsIn(FOLLOW_UP_TYPES, { message: `type must be one of ${FOLLOW_UP_TYPES.join(', ')}` })
  type!: FollowUpType;

  @ApiProperty({
    example: '2026-12-08T09:00:00+01:00',
    description: 'ISO 8601 with offset; from a year ago to five years ahead.',
  })
  @IsInstant()
  dueAt!: string;

  @ApiProperty({ type: AssigneeDto, example: { queue: 'reception' } })
  @ValidateNested()
  @Type(() => AssigneeDto)
  assignee!: AssigneeDto;

  @ApiPropertyOptional({ enum: FOLLOW_UP_PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(FOLLOW_UP_PRIORITIES, {
    message: `priority must be one of ${FOLLOW_UP_PRIORITIES.join(', ')}`,
  })
  priority?: FollowUpPriority;

  @ApiPropertyOptional({ example: 'Ask how the first week went' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 2000)
  note?: string;

  @ApiPropertyOptional({ type: RecurrenceDto, description: 'Completing it creates the next one.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto;
}

/** An open task's change: fields sent replace the task's. */
export class UpdateFollowUpDto {
  @ApiPropertyOptional({ enum: FOLLOW_UP_TYPES })
  @IsOmittable()
  @IsIn(FOLLOW_UP_TYPES, { message: `type must be one of ${FOLLOW_UP_TYPES.join(', ')}` })
  type?: FollowUpType;

  @ApiPropertyOptional({ example: '2026-12-09T09:00:00+01:00' })
  @IsOmittable()
  @IsInstant()
  dueAt?: string;

  @ApiPropertyOptional({ type: AssigneeDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => AssigneeDto)
  assignee?: AssigneeDto;

  @ApiPropertyOptional({ enum: FOLLOW_UP_PRIORITIES })
  @IsOmittable()
  @IsIn(FOLLOW_UP_PRIORITIES, {
    message: `priority must be one of ${FOLLOW_UP_PRIORITIES.join(', ')}`,
  })
  priority?: FollowUpPriority;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 2000)
  note?: string | null;
}

export class CompleteFollowUpDto {
  @ApiPropertyOptional({ example: 'Reached the client; booked for Thursday' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 2000)
  outcome?: string;
}

export class CancelFollowUpDto {
  @ApiProperty({ example: 'Client moved abroad' })
  @Trim()
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export const FOLLOW_UP_LIST_STATUSES = ['open', 'overdue', 'done', 'cancelled'] as const;

export class ListFollowUpsQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: FOLLOW_UP_LIST_STATUSES,
    description: 'overdue: open and past due.',
  })
  @IsOptional()
  @IsIn(FOLLOW_UP_LIST_STATUSES, {
    message: `status must be one of ${FOLLOW_UP_LIST_STATUSES.join(', ')}`,
  })
  status?: (typeof FOLLOW_UP_LIST_STATUSES)[number];

  @ApiPropertyOptional({ example: 'me', description: '`me`, `reception` or a user id.' })
  @IsOptional()
  @Matches(/^(me|reception|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'assignee must be me, reception or a user id',
  })
  assignee?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ enum: FOLLOW_UP_TYPES, description: 'Tasks of this type only.' })
  @IsOptional()
  @IsIn(FOLLOW_UP_TYPES, { message: `type must be one of ${FOLLOW_UP_TYPES.join(', ')}` })
  type?: FollowUpType;

  @ApiPropertyOptional({
    example: '2026-12-01T00:00:00+01:00',
    description: 'Due at or after (inclusive).',
  })
  @IsOptional()
  @IsInstant()
  dueAfter?: string;

  @ApiPropertyOptional({
    example: '2026-12-02T00:00:00+01:00',
    description: 'Due before (exclusive); later than dueAfter when both are given.',
  })
  @IsOptional()
  @IsInstant()
  dueBefore?: string;
}

export class FollowUpAssigneeResponse {
  @ApiPropertyOptional({ format: 'uuid' }) userId?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ enum: ASSIGNEE_QUEUES }) queue?: string;
}

export class FollowUpClientResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Noor de Vries' }) name!: string;
  @ApiProperty({ example: 'C-000123' }) clientNumber!: string;
}

export class RecurrenceResponse {
  @ApiProperty() every!: number;
  @ApiProperty({ enum: RECURRENCE_UNITS }) unit!: string;
  @ApiProperty({ type: String, nullable: true }) until!: string | null;
  @ApiProperty({ type: Number, nullable: true }) count!: number | null;
}

export class FollowUpResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: FollowUpClientResponse }) client!: FollowUpClientResponse;
  @ApiProperty({ enum: FOLLOW_UP_TYPES }) type!: string;
  @ApiProperty({ enum: FOLLOW_UP_PRIORITIES }) priority!: string;
  @ApiProperty({ type: FollowUpAssigneeResponse }) assignee!: FollowUpAssigneeResponse;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status!: string;
  @ApiProperty({ description: 'Open and past due.' }) overdue!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Shown to the assignee, the author, the care team and, for reception-queue tasks, the desk; otherwise null with `noteHidden`.',
  })
  note!: string | null;
  @ApiProperty() noteHidden!: boolean;
  @ApiProperty({ type: RecurrenceResponse, nullable: true }) recurrence!: RecurrenceResponse | null;
  @ApiProperty({ example: 1 }) occurrence!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) outcome!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the due notice went to the assignee (or reception); null until then, and again after the due time or the assignee changes.',
  })
  notifiedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the managers were told the task is still open past the clinic’s escalation grace; null until then, and again after the due time changes.',
  })
  escalatedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() version!: number;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'After completing a recurring task: the next occurrence.',
  })
  nextId?: string;
}

export class FollowUpPage {
  @ApiProperty({ type: [FollowUpResponse], description: 'By due time.' })
  data!: FollowUpResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
