import { Discipline } from '@meridian/auth/access/role';
import { FieldError, fieldErrors } from '@meridian/core';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { AcupunctureContentDto } from './acupuncture.content';
import { NutritionContentDto } from './nutrition.content';
import { FORMAT_SECTIONS, PsychologyContentDto } from './psychology.content';
import { TrainingContentDto } from './training.content';

/** The content DTO of each discipline: the discriminator is the note's `discipline`. */
export const CONTENT_TYPES = {
  [Discipline.Acupuncture]: AcupunctureContentDto,
  [Discipline.Psychology]: PsychologyContentDto,
  [Discipline.Nutrition]: NutritionContentDto,
  [Discipline.Training]: TrainingContentDto,
} as const satisfies Record<Discipline, new () => object>;

export type ContentCheck =
  { ok: true; content: Record<string, unknown> } | { ok: false; errors: FieldError[] };

/**
 * How much a check asks of the content. A draft is saved while it is being written (the web
 * editor saves as the practitioner types), so it must have its discipline's shape — types,
 * enums, ranges, lengths, no unknown fields — but may leave out what a finished note needs:
 * required fields, a psychology format's sections, a training session's first exercise.
 * Signing asks for the complete note.
 */
export type Completeness = 'draft' | 'complete';

/**
 * Validates `raw` as the content of a `discipline` note, as the global pipe validates bodies
 * (unknown fields refused, strings trimmed), naming fields under `content.` — so content of
 * one discipline sent as another is refused field by field. Returns the content as stored.
 *
 * As a `draft`, a field left out (or null) is not checked, at any depth; one that is there
 * is checked as in a complete note, so an empty string is still refused (a cleared field is
 * left out, not sent empty). A psychology draft still needs its `format`: it decides which
 * sections the note may have.
 */
export function checkContent(
  discipline: Discipline,
  raw: unknown,
  completeness: Completeness = 'complete',
): ContentCheck {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      errors: [
        { field: 'content', message: `must be an object: the content of the ${discipline} note` },
      ],
    };
  }
  const type: new () => object = CONTENT_TYPES[discipline];
  const instance = plainToInstance(type, raw);
  const draft = completeness === 'draft';
  const errors = fieldErrors(
    withoutCompletenessRules(
      validateSync(instance, {
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
        // Left-out fields skip every rule but the whitelist, so unknown fields still fail.
        skipMissingProperties: draft,
        validationError: { target: false, value: false },
      }),
      draft,
    ),
    'content',
  );
  if (instance instanceof PsychologyContentDto) {
    if (draft && (instance.format === undefined || instance.format === null)) {
      errors.push({
        field: 'content.format',
        message: 'is required, in a draft too: it decides the note’s sections',
      });
    }
    errors.push(...sectionProblems(instance, completeness));
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, content: JSON.parse(JSON.stringify(instance)) as Record<string, unknown> };
}

/**
 * Rules that ask for more than shape, which a draft need not meet though its field is there:
 * a training session's list of exercises may still be empty.
 */
const COMPLETENESS_RULES = new Set(['arrayMinSize']);

/** `errors` without the {@link COMPLETENESS_RULES} when checking a draft, else as they are. */
function withoutCompletenessRules(errors: ValidationError[], draft: boolean): ValidationError[] {
  if (!draft) return errors;
  return errors.flatMap((error) => {
    const constraints = Object.entries(error.constraints ?? {}).filter(
      ([rule]) => !COMPLETENESS_RULES.has(rule),
    );
    const children = withoutCompletenessRules(error.children ?? [], draft);
    if (constraints.length === 0 && children.length === 0) return [];
    return [
      Object.assign(new ValidationError(), error, {
        constraints: constraints.length > 0 ? Object.fromEntries(constraints) : undefined,
        children,
      }),
    ];
  });
}

const ALL_SECTIONS = new Set(Object.values(FORMAT_SECTIONS).flat());

/**
 * A psychology note has only the sections of its format, and when complete all of them (a
 * draft may lack some).
 */
function sectionProblems(content: PsychologyContentDto, completeness: Completeness): FieldError[] {
  const expected = FORMAT_SECTIONS[content.format];
  if (!expected || typeof content.sections !== 'object' || content.sections === null) return [];
  const sections = content.sections as Record<string, unknown>;
  const missing = expected
    .filter((name) => completeness === 'complete' && sections[name] === undefined)
    .map((name) => ({
      field: `content.sections.${name}`,
      message: `is required in a ${content.format} note`,
    }));
  // Names of no format at all are already refused as unknown fields.
  const foreign = Object.keys(sections)
    .filter((name) => ALL_SECTIONS.has(name) && sections[name] !== undefined)
    .filter((name) => !expected.includes(name))
    .map((name) => ({
      field: `content.sections.${name}`,
      message: `is not a section of a ${content.format} note (${expected.join(', ')})`,
    }));
  return [...missing, ...foreign];
}
