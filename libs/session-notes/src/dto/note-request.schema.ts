import { ApiProperty, getSchemaPath, OmitType } from '@nestjs/swagger';
import {
  AcupunctureDraftContentDto,
  NutritionDraftContentDto,
  PsychologyDraftContentDto,
  TrainingDraftContentDto,
} from './draft-content.schema';
import { CreateSessionNoteDto } from './write-note.dto';

/*
 * The create request per discipline, for the OpenAPI document only: the body is validated as
 * CreateSessionNoteDto and its content as a draft of the discipline (see checkContent). These
 * name that pairing so that clients see a oneOf with `discipline` as discriminator.
 */
class NoteRequestBase extends OmitType(CreateSessionNoteDto, ['discipline', 'content'] as const) {}

export class AcupunctureNoteRequest extends NoteRequestBase {
  @ApiProperty({ enum: ['acupuncture'] }) discipline!: 'acupuncture';
  @ApiProperty({ type: AcupunctureDraftContentDto }) content!: AcupunctureDraftContentDto;
}

export class PsychologyNoteRequest extends NoteRequestBase {
  @ApiProperty({ enum: ['psychology'] }) discipline!: 'psychology';
  @ApiProperty({ type: PsychologyDraftContentDto }) content!: PsychologyDraftContentDto;
}

export class NutritionNoteRequest extends NoteRequestBase {
  @ApiProperty({ enum: ['nutrition'] }) discipline!: 'nutrition';
  @ApiProperty({ type: NutritionDraftContentDto }) content!: NutritionDraftContentDto;
}

export class TrainingNoteRequest extends NoteRequestBase {
  @ApiProperty({ enum: ['training'] }) discipline!: 'training';
  @ApiProperty({ type: TrainingDraftContentDto }) content!: TrainingDraftContentDto;
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
