import { Band, Direction, ScoringOutcome, ScoringProblem, StandardInstrument } from './instrument';
import { SCORING_RULES } from './standard-instruments';

/**
 * Differences smaller than this are floating-point noise, not change: 2.3 → 1.3 is a
 * difference of 0.9999999999999998 in floating point and must still count as a change of 1.
 */
const FLOAT_TOLERANCE = 1e-9;

/**
 * Validates a client's answers to a standard instrument and scores them. Every problem is
 * reported at once, so a practitioner can correct the form in one go.
 */
export function scoreAnswers(instrument: StandardInstrument, answers: unknown): ScoringOutcome {
  const count = instrument.items.length;
  if (!Array.isArray(answers)) {
    return problems([
      {
        field: 'answers',
        message: `${instrument.code} answers must be a list of ${count} numbers, one per item`,
      },
    ]);
  }

  const found: ScoringProblem[] = [];
  if (answers.length !== count) {
    const given =
      answers.length === 1 ? '1 answer was given' : `${answers.length} answers were given`;
    found.push({ field: 'answers', message: `${instrument.code} has ${count} items; ${given}` });
  }
  // An index loop rather than forEach: forEach skips the holes of a sparse array.
  for (let index = 0; index < answers.length; index++) {
    if (!isIntegerWithin(answers[index], instrument.itemMin, instrument.itemMax)) {
      found.push({
        field: `answers[${index}]`,
        message: `answers[${index}] must be an integer from ${instrument.itemMin} to ${instrument.itemMax}`,
      });
    }
  }
  if (found.length > 0) return problems(found);

  const valid = answers as number[];
  const score = combine(instrument, valid);
  return {
    ok: true,
    result: { score, band: bandOf(instrument, score), flags: flagsOf(instrument, valid) },
  };
}

/** The name of the band the score falls in, or null when the instrument has no band for it. */
export function bandOf(instrument: { bands: readonly Band[] }, score: number): string | null {
  return instrument.bands.find((band) => score >= band.min && score <= band.max)?.name ?? null;
}

/**
 * Whether the client improved by at least the instrument's meaningful change between two
 * scores; null when the instrument defines no meaningful change. Worsening is never an
 * improvement, however large.
 */
export function isMeaningfulImprovement(
  instrument: { meaningfulChange: number | null; direction: Direction },
  baseline: number,
  latest: number,
): boolean | null {
  if (instrument.meaningfulChange === null) return null;
  const improvement =
    instrument.direction === 'lower-is-better' ? baseline - latest : latest - baseline;
  return improvement >= instrument.meaningfulChange - FLOAT_TOLERANCE;
}

/**
 * Validates a single value on a practitioner-defined scale (a 0–10 pain rating, a weight).
 * Decimals are allowed: such scales are not limited to whole steps.
 */
export function scoreScaleValue(
  scale: { min: number; max: number; name: string },
  value: unknown,
): ScoringOutcome {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < scale.min ||
    value > scale.max
  ) {
    return problems([
      {
        field: 'value',
        message: `${scale.name} must be a number from ${scale.min} to ${scale.max}`,
      },
    ]);
  }
  return { ok: true, result: { score: value, band: null, flags: [] } };
}

function combine(instrument: StandardInstrument, answers: number[]): number {
  const sum = answers.reduce((total, answer) => total + answer, 0);
  switch (SCORING_RULES[instrument.code].method) {
    case 'sum':
      return sum;
    case 'mean':
      // MYMOP2 reports its profile score to two decimals.
      return Math.round((sum / answers.length) * 100) / 100;
  }
}

function flagsOf(instrument: StandardInstrument, answers: number[]): string[] {
  return SCORING_RULES[instrument.code].itemFlags
    .filter((rule) => answers[rule.itemIndex] > rule.above)
    .map((rule) => rule.flag);
}

/** Rejects booleans, strings, null, NaN and fractions; accepts only whole numbers in range. */
function isIntegerWithin(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function problems(found: ScoringProblem[]): ScoringOutcome {
  return { ok: false, problems: found };
}
