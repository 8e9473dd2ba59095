import { StandardInstrument, StandardInstrumentCode } from './instrument';
import { bandOf, isMeaningfulImprovement, scoreAnswers, scoreScaleValue } from './score';
import { findStandardInstrument, STANDARD_INSTRUMENTS } from './standard-instruments';

function instrument(code: StandardInstrumentCode): StandardInstrument {
  const found = findStandardInstrument(code);
  if (!found) throw new Error(`${code} is missing from the catalog`);
  return found;
}

const PHQ9 = instrument('PHQ-9');
const GAD7 = instrument('GAD-7');
const MYMOP2 = instrument('MYMOP2');

/**
 * Answers adding up to `total`: 3s from the first item on, then the remainder. The last item
 * stays 0 when `keepLastAtZero`, so PHQ-9 totals up to 24 do not raise the self-harm flag.
 */
function answersTotalling(itemCount: number, total: number, keepLastAtZero: boolean): number[] {
  const fillable = keepLastAtZero ? itemCount - 1 : itemCount;
  const answers = new Array<number>(itemCount).fill(0);
  let remaining = total;
  for (let index = 0; index < fillable && remaining > 0; index++) {
    answers[index] = Math.min(3, remaining);
    remaining -= answers[index];
  }
  if (remaining > 0) throw new Error(`cannot spread ${total} over ${fillable} items`);
  return answers;
}

/** PHQ-9 answers for a total, with item 9 at 0 unless the total needs it (above 24). */
function phq9Answers(total: number): number[] {
  return answersTotalling(9, total, total <= 24);
}

function expectScored(outcome: ReturnType<typeof scoreAnswers>) {
  if (!outcome.ok) throw new Error(`expected a score, got ${JSON.stringify(outcome.problems)}`);
  return outcome.result;
}

describe('the standard instrument catalog', () => {
  it('holds PHQ-9, GAD-7 and MYMOP2 with one label per item', () => {
    expect(STANDARD_INSTRUMENTS.map((entry) => [entry.code, entry.items.length])).toEqual([
      ['PHQ-9', 9],
      ['GAD-7', 7],
      ['MYMOP2', 4],
    ]);
  });

  it('knows no other codes', () => {
    expect(findStandardInstrument('PHQ-2')).toBeUndefined();
  });
});

describe('scoreAnswers', () => {
  describe('PHQ-9', () => {
    it.each([
      [0, 'minimal'],
      [4, 'minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'moderately severe'],
      [19, 'moderately severe'],
      [20, 'severe'],
      [27, 'severe'],
    ])('scores a total of %i as %s', (total, band) => {
      const result = expectScored(scoreAnswers(PHQ9, phq9Answers(total)));
      expect(result.score).toBe(total);
      expect(result.band).toBe(band);
    });

    it('flags a risk of self-harm when item 9 is above 0, even in the minimal band', () => {
      expect(expectScored(scoreAnswers(PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, 1]))).toEqual({
        score: 1,
        band: 'minimal',
        flags: ['self-harm-risk'],
      });
    });

    it('raises no flag when item 9 is 0', () => {
      expect(expectScored(scoreAnswers(PHQ9, [3, 3, 3, 3, 3, 3, 3, 3, 0])).flags).toEqual([]);
    });
  });

  describe('GAD-7', () => {
    it.each([
      [0, 'minimal'],
      [4, 'minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'severe'],
      [21, 'severe'],
    ])('scores a total of %i as %s', (total, band) => {
      const result = expectScored(scoreAnswers(GAD7, answersTotalling(7, total, false)));
      expect(result).toEqual({ score: total, band, flags: [] });
    });
  });

  describe('MYMOP2', () => {
    it.each([
      [[0, 0, 0, 0], 0],
      [[6, 6, 6, 6], 6],
      [[1, 2, 3, 4], 2.5],
      [[1, 1, 1, 2], 1.25],
      [[0, 0, 1, 0], 0.25],
    ])('scores %j as the mean %d, without a band', (answers, mean) => {
      expect(expectScored(scoreAnswers(MYMOP2, answers))).toEqual({
        score: mean,
        band: null,
        flags: [],
      });
    });

    it('rejects an item of 7', () => {
      expect(scoreAnswers(MYMOP2, [1, 7, 1, 1])).toEqual({
        ok: false,
        problems: [{ field: 'answers[1]', message: 'answers[1] must be an integer from 0 to 6' }],
      });
    });
  });

  describe('rejects', () => {
    it.each([
      [8, 'PHQ-9 has 9 items; 8 answers were given'],
      [10, 'PHQ-9 has 9 items; 10 answers were given'],
      [1, 'PHQ-9 has 9 items; 1 answer was given'],
      [0, 'PHQ-9 has 9 items; 0 answers were given'],
    ])('%i answers to PHQ-9', (count, message) => {
      expect(scoreAnswers(PHQ9, new Array<number>(count).fill(0))).toEqual({
        ok: false,
        problems: [{ field: 'answers', message }],
      });
    });

    it.each([[4], [1.5], [-1], ['2'], [null], [undefined], [NaN], [Infinity], [true], [{}]])(
      'an answer of %p',
      (bad) => {
        const answers: unknown[] = phq9Answers(0);
        answers[3] = bad;
        expect(scoreAnswers(PHQ9, answers)).toEqual({
          ok: false,
          problems: [{ field: 'answers[3]', message: 'answers[3] must be an integer from 0 to 3' }],
        });
      },
    );

    it('a hole in a sparse array', () => {
      const answers = phq9Answers(0);
      delete answers[5];
      expect(scoreAnswers(PHQ9, answers)).toMatchObject({
        ok: false,
        problems: [{ field: 'answers[5]' }],
      });
    });

    it.each([[null], [undefined], ['0,0,0,0,0,0,0,0,0'], [9], [{ 0: 0, length: 9 }]])(
      'answers that are not a list: %p',
      (notAList) => {
        expect(scoreAnswers(PHQ9, notAList)).toEqual({
          ok: false,
          problems: [
            {
              field: 'answers',
              message: 'PHQ-9 answers must be a list of 9 numbers, one per item',
            },
          ],
        });
      },
    );

    it('reporting a wrong count and bad items together', () => {
      expect(scoreAnswers(GAD7, [0, 'x', 0])).toEqual({
        ok: false,
        problems: [
          { field: 'answers', message: 'GAD-7 has 7 items; 3 answers were given' },
          { field: 'answers[1]', message: 'answers[1] must be an integer from 0 to 3' },
        ],
      });
    });
  });
});

describe('bandOf', () => {
  it('names the band a score falls in, and none outside every band', () => {
    expect(bandOf(PHQ9, 14)).toBe('moderate');
    expect(bandOf(PHQ9, 28)).toBeNull();
    expect(bandOf(MYMOP2, 3)).toBeNull();
  });
});

describe('scoreScaleValue', () => {
  const pain = { name: 'Pain', min: 0, max: 10 };

  it.each([[0], [10], [4.5], [7]])('accepts %d on a 0–10 scale', (value) => {
    expect(scoreScaleValue(pain, value)).toEqual({
      ok: true,
      result: { score: value, band: null, flags: [] },
    });
  });

  it.each([[-0.1], [10.5], [-1], [11], ['5'], [null], [undefined], [NaN], [Infinity], [true]])(
    'rejects %p on a 0–10 scale',
    (value) => {
      expect(scoreScaleValue(pain, value)).toEqual({
        ok: false,
        problems: [{ field: 'value', message: 'Pain must be a number from 0 to 10' }],
      });
    },
  );
});

describe('isMeaningfulImprovement', () => {
  it.each([
    [10, 5, true],
    [10, 6, false],
    [5, 10, false],
    [10, 10, false],
  ])('PHQ-9 from %i to %i: %s', (baseline, latest, expected) => {
    expect(isMeaningfulImprovement(PHQ9, baseline, latest)).toBe(expected);
  });

  it.each([
    [3, 2, true],
    [3, 2.1, false],
    [2, 3, false],
  ])('MYMOP2 from %d to %d: %s', (baseline, latest, expected) => {
    expect(isMeaningfulImprovement(MYMOP2, baseline, latest)).toBe(expected);
  });

  it('reads a higher-is-better scale upwards', () => {
    const energy = { meaningfulChange: 2, direction: 'higher-is-better' as const };
    expect(isMeaningfulImprovement(energy, 4, 6)).toBe(true);
    expect(isMeaningfulImprovement(energy, 4, 5.9)).toBe(false);
    expect(isMeaningfulImprovement(energy, 6, 4)).toBe(false);
  });

  it('counts a decimal change equal to the threshold despite floating-point error', () => {
    const scale = { meaningfulChange: 1, direction: 'lower-is-better' as const };
    expect(2.3 - 1.3).toBeLessThan(1);
    expect(isMeaningfulImprovement(scale, 2.3, 1.3)).toBe(true);
  });

  it('has no answer for a scale without a meaningful change', () => {
    expect(
      isMeaningfulImprovement({ meaningfulChange: null, direction: 'lower-is-better' }, 10, 0),
    ).toBeNull();
  });
});
