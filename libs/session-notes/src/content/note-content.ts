import { Discipline } from '@meridian/auth/access/role';
import { FieldError, fieldErrors } from '@meridian/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
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
 * Validates `raw` as the content of a `discipline` note, as the global pipe validates bodies
 * (unknown fields refused, strings trimmed), naming fields under `content.` — so content of
 * one discipline sent as another is refused field by field. Returns the content as stored.
 */
export function checkContent(discipline: Discipline, raw: unknown): ContentCheck {
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
  const errors = fieldErrors(
    validateSync(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    }),
    'content',
  );
  if (instance instanceof PsychologyContentDto) errors.push(...sectionProblems(instance));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, content: JSON.parse(JSON.stringify(instance)) as Record<string, unknown> };
}

const ALL_SECTIONS = new Set(Object.values(FORMAT_SECTIONS).flat());

/** A psychology note fills exactly the sections of its format. */
function sectionProblems(content: PsychologyContentDto): FieldError[] {
  const expected = FORMAT_SECTIONS[content.format];
  if (!expected || typeof content.sections !== 'object' || content.sections === null) return [];
  const sections = content.sections as Record<string, unknown>;
  const missing = expected
    .filter((name) => sections[name] === undefined)
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
