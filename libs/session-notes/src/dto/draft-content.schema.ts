import {
  ApiPropertyOptional,
  IntersectionType,
  OmitType,
  PartialType,
  PickType,
} from '@nestjs/swagger';
import { AcupunctureContentDto, NeedledPointDto } from '../content/acupuncture.content';
import { NutritionContentDto, ReintroductionChallengeDto } from '../content/nutrition.content';
import { PsychologyContentDto, PsychologySectionsDto } from '../content/psychology.content';
import { ExerciseDto, TrainingContentDto } from '../content/training.content';

/*
 * What a draft's content may be, for the OpenAPI document only: the content is checked by
 * checkContent(discipline, raw, 'draft'). A draft is saved half-written, so every field may be
 * left out, at any depth; a field that is there has the shape of the complete note's (the
 * *ContentDto schemas, which signing asks for). A psychology draft keeps its format, which
 * decides its sections.
 */

export class NeedledPointDraftDto extends PartialType(NeedledPointDto) {}

export class AcupunctureDraftContentDto extends PartialType(
  OmitType(AcupunctureContentDto, ['points'] as const),
) {
  @ApiPropertyOptional({
    type: [NeedledPointDraftDto],
    description: 'Left out with `copyPointsFromPrevious`, the last session’s points are taken.',
  })
  points?: NeedledPointDraftDto[];
}

export class PsychologyDraftContentDto extends IntersectionType(
  PickType(PsychologyContentDto, ['format'] as const),
  PartialType(OmitType(PsychologyContentDto, ['format', 'sections'] as const)),
) {
  @ApiPropertyOptional({
    type: PsychologySectionsDto,
    description:
      'Sections of the note’s format only (SOAP: subjective, objective, assessment, plan. DAP: data, assessment, plan. BIRP: behavior, intervention, response, plan); a draft may lack some.',
  })
  sections?: PsychologySectionsDto;
}

export class ReintroductionChallengeDraftDto extends PartialType(ReintroductionChallengeDto) {}

export class NutritionDraftContentDto extends PartialType(
  OmitType(NutritionContentDto, ['challenges'] as const),
) {
  @ApiPropertyOptional({ type: [ReintroductionChallengeDraftDto] })
  challenges?: ReintroductionChallengeDraftDto[];
}

export class ExerciseDraftDto extends PartialType(ExerciseDto) {}

export class TrainingDraftContentDto extends PartialType(
  OmitType(TrainingContentDto, ['exercises'] as const),
) {
  @ApiPropertyOptional({ type: [ExerciseDraftDto], description: 'May be empty in a draft.' })
  exercises?: ExerciseDraftDto[];
}

/** The draft content schemas, for `@ApiExtraModels` and the request and response schemas. */
export const DRAFT_CONTENT_MODELS = [
  AcupunctureDraftContentDto,
  PsychologyDraftContentDto,
  NutritionDraftContentDto,
  TrainingDraftContentDto,
];
