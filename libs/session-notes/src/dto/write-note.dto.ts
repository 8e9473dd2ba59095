import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Discipline, DISCIPLINES } from '@meridian/auth/access/role';
import { IsCalendarDate, IsOmittable, IsPastDate, PageQuery, Trim } from '@meridian/core';
import { FOLLOW_UP_TYPES, FollowUpType } from '@meridian/follow-ups/follow-up-task.entity';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { NOTE_STATUSES, NoteStatus } from '../session-note.entity';
import { DRAFT_CONTENT_MODELS } from './draft-content.schema';

const CONTENT_DOC =
  'The content of the note’s discipline, as a draft (see the `*DraftContentDto` schemas): every field may be left out until the note is signed, but a field that is sent must be valid (types, enums, ranges, lengths; unknown fields refused) and a psychology draft needs its `format`. Leave a field out rather than send an empty string, which is refused.';

export class CreateSessionNoteDto {
  @ApiProperty({ enum: Discipline, description: 'One of your own disciplines.' })
  @IsIn(DISCIPLINES, { message: `discipline must be one of ${DISCIPLINES.join(', ')}` })
  discipline!: Discipline;

  @ApiProperty({ example: '2026-11-24', description: 'The day of the session; not in the future.' })
  @IsPastDate()
  sessionDate!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  appointmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A treatment plan of this client.' })
  @IsOptional()
  @IsUUID()
  treatmentPlanId?: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: CONTENT_DOC })
  @IsObject()
  content!: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'Acupuncture: take the points of the client’s last signed acupuncture note when `content.points` is left out.',
  })
  @IsOptional()
  @IsBoolean()
  copyPointsFromPrevious?: boolean;
}

/** A draft's change by its author: fields sent replace the note's, content whole. */
export class UpdateSessionNoteDto {
  @ApiPropertyOptional({ example: '2026-11-24' })
  @IsOmittable()
  @IsPastDate()
  sessionDate?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  appointmentId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  treatmentPlanId?: string | null;

  @ApiPropertyOptional({
    description: `${CONTENT_DOC} Replaces the draft’s content whole.`,
    anyOf: DRAFT_CONTENT_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
  })
  @IsOmittable()
  @IsObject()
  content?: Record<string, unknown>;
}

export class FollowUpRequestDto {
  @ApiProperty({ example: 14, minimum: 1, maximum: 365, description: 'Due this many days on.' })
  @IsInt()
  @Min(1)
  @Max(365)
  inDays!: number;

  @ApiProperty({ enum: FOLLOW_UP_TYPES })
  @IsIn(FOLLOW_UP_TYPES, { message: `type must be one of ${FOLLOW_UP_TYPES.join(', ')}` })
  type!: FollowUpType;

  @ApiPropertyOptional({ example: 'Ask how the first week of reintroduction went' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 1000)
  note?: string;
}

export class SignSessionNoteDto {
  @ApiPropertyOptional({
    type: FollowUpRequestDto,
    description:
      'A follow-up task for the signer, due so many days from today. Psychology notes: without `note` (tasks are read outside psychology).',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FollowUpRequestDto)
  followUp?: FollowUpRequestDto;
}

export class CreateAddendumDto {
  @ApiProperty({ example: 'Client called: the headache returned the next evening.' })
  @Trim()
  @IsString()
  @Length(1, 10_000)
  text!: string;

  @ApiProperty({ example: 'Information received after signing' })
  @Trim()
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class ListSessionNotesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Discipline })
  @IsOptional()
  @IsIn(DISCIPLINES, { message: `discipline must be one of ${DISCIPLINES.join(', ')}` })
  discipline?: Discipline;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Sessions on or after.' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Sessions on or before.' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** The caller's own notes across clients: by status, a page at a time. */
export class ListOwnSessionNotesQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: NOTE_STATUSES,
    description:
      '`draft`: your unsigned notes, the oldest session first (work owed). `signed`, or left out: the newest session first.',
  })
  @IsOptional()
  @IsIn(NOTE_STATUSES, { message: `status must be one of ${NOTE_STATUSES.join(', ')}` })
  status?: NoteStatus;
}
