import { ApiProperty, getSchemaPath, OmitType } from '@nestjs/swagger';
import { AcupunctureContentDto } from '../content/acupuncture.content';
import { NutritionContentDto } from '../content/nutrition.content';
import { PsychologyContentDto } from '../content/psychology.content';
import { TrainingContentDto } from '../content/training.content';
import { CreateSessionNoteDto } from './write-note.dto';

/*
 * The create request per discipline, for the OpenAPI document only: the body is validated as
 * CreateSessionNoteDto and its content by the discipline's DTO (see checkContent). These name
 * that pairing so that clients see a oneOf with `discipline` as discriminator.
 */
class NoteRequestBase extends OmitType(CreateSessionNoteDto, ['discipline', 'content'] as const) {}

export class AcupunctureNoteRequest extends NoteRequestBase {
  @ApiProperty({ enum: ['acupuncture'] }) discipline!: 'acupuncture';
  @ApiProperty({ type: AcupunctureContentDto }) content!: AcupunctureContentDto;
}

export class PsychologyNoteRequest extends NoteRequestBase {
  @ApiProperty({ enum: ['psychology'] }) discipline!: 'psychology';
  @ApiProperty({ type: PsychologyContentDto }) content!: PsychologyContentDto;
}

export class NutritionNoteRequest extends NoteRequestBase {
  @ApiProperty({ enum: ['nutrition'] }) discipline!: 'nutrition';
  @ApiProperty({ type: NutritionContentDto }) content!: NutritionContentDto;
}

export class TrainingNoteRequest extends NoteRequestBase {
  @ApiProperty({ enum: ['training'] }) discipline!: 'training';
  @ApiProperty({ type: TrainingContentDto }) content!: TrainingContentDto;
}

export const NOTE_REQUEST_MODELS = [
  AcupunctureNoteRequest,
  PsychologyNoteRequest,
  NutritionNoteRequest,
  TrainingNoteRequest,
];

/** The create body: one of the four, told apart by `discipline`. */
export const NOTE_REQUEST_SCHEMA = {
  oneOf: NOTE_REQUEST_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
  discriminator: {
    propertyName: 'discipline',
    mapping: {
      acupuncture: getSchemaPath(AcupunctureNoteRequest),
      psychology: getSchemaPath(PsychologyNoteRequest),
      nutrition: getSchemaPath(NutritionNoteRequest),
      training: getSchemaPath(TrainingNoteRequest),
    },
  },
};
