import { ApiProperty, ApiPropertyOptional, getSchemaPath, OmitType } from '@nestjs/swagger';
import { Discipline } from '@meridian/auth/access/role';
import { AcupunctureContentDto } from '../content/acupuncture.content';
import { NutritionContentDto } from '../content/nutrition.content';
import { PsychologyContentDto } from '../content/psychology.content';
import { TrainingContentDto } from '../content/training.content';
import { NOTE_STATUSES } from '../session-note.entity';
import { DRAFT_CONTENT_MODELS } from './draft-content.schema';

/** The complete content schemas (what signing asks for), for `@ApiExtraModels` and below. */
export const CONTENT_MODELS = [
  AcupunctureContentDto,
  PsychologyContentDto,
  NutritionContentDto,
  TrainingContentDto,
];

export class SignatureResponse {
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ format: 'uuid' }) signedBy!: string;
  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'SHA-256 (hex) of the canonical note as signed.',
  })
  contentHash!: string;
  @ApiPropertyOptional({
    description:
      'With one note: whether the note still hashes to `contentHash`. False means it was changed outside the service.',
  })
  intact?: boolean;
}

export class AddendumResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when `restricted`.' })
  text!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null when `restricted`.' })
  reason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SessionNoteResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'uuid' }) practitionerId!: string;
  @ApiProperty({ enum: Discipline }) discipline!: Discipline;
  @ApiProperty({ example: '2026-11-24' }) sessionDate!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) appointmentId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) treatmentPlanId!: string | null;
  @ApiProperty({ enum: NOTE_STATUSES }) status!: string;
  @ApiProperty({ description: 'Its ETag for If-Match.' }) version!: number;
  @ApiProperty({
    description:
      'True when the caller may know the session took place but not what was said: a psychology note for anyone but a psychologist on the care team.',
  })
  restricted!: boolean;
  @ApiProperty({
    nullable: true,
    description:
      'The content of the note’s discipline; null when `restricted`. A signed note’s is complete (`AcupunctureContentDto`, …); a draft’s may be partial (`AcupunctureDraftContentDto`, …).',
    anyOf: [...CONTENT_MODELS, ...DRAFT_CONTENT_MODELS].map((model) => ({
      $ref: getSchemaPath(model),
    })),
  })
  content!: Record<string, unknown> | null;
  @ApiProperty({ type: SignatureResponse, nullable: true }) signature!: SignatureResponse | null;
  @ApiProperty({ example: 1 }) addendaCount!: number;
  @ApiPropertyOptional({
    type: [AddendumResponse],
    description: 'Oldest first; with `GET /session-notes/:id` and after adding one.',
  })
  addenda?: AddendumResponse[];
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'The note whose points a new acupuncture draft took (`copyPointsFromPrevious`).',
  })
  copiedPointsFrom?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SessionNotePage {
  @ApiProperty({ type: [SessionNoteResponse], description: 'Newest session first.' })
  data!: SessionNoteResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** Whose note it is: enough to list it, never more of the record. */
export class SessionNoteClientResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'C-000123' }) clientNumber!: string;
  @ApiProperty({ example: 'Noor' }) firstName!: string;
  @ApiProperty({ example: 'de Vries' }) lastName!: string;
}

/** A note in the author's own list across clients: the note and whose it is. */
export class OwnSessionNoteResponse extends OmitType(SessionNoteResponse, [
  'addenda',
  'copiedPointsFrom',
] as const) {
  @ApiProperty({ type: SessionNoteClientResponse }) client!: SessionNoteClientResponse;
}

export class OwnSessionNotePage {
  @ApiProperty({
    type: [OwnSessionNoteResponse],
    description:
      'Drafts (`status=draft`): the oldest session first, then the first written. Otherwise the newest session first.',
  })
  data!: OwnSessionNoteResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
