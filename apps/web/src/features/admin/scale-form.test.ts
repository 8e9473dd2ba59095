import { describe, expect, it } from 'vitest';
import { EMPTY_SCALE, scaleBody, scaleProblems, suggestCode, type ScaleValues } from './scale-form';

const pain: ScaleValues = {
  name: 'Pijn (NRS)',
  code: 'PIJN-NRS',
  unit: 'punten',
  min: 0,
  max: 10,
  direction: 'lower-is-better',
  meaningfulChange: 2,
};

describe('adding a clinic scale', () => {
  it('suggests a code from the name', () => {
    expect(suggestCode('Pijn (NRS)')).toBe('PIJN-NRS');
    expect(suggestCode('Moeheid – ’s avonds')).toBe('MOEHEID-S-AVONDS');
    expect(suggestCode('Éénbenig staan')).toBe('EENBENIG-STAAN');
    expect(suggestCode('1RM squat')).toBe('RM-SQUAT');
    expect(suggestCode('Taille-omtrek in centimeters gemeten')).toHaveLength(20);
    expect(suggestCode('Taille-omtrek in centimeters gemeten')).not.toMatch(/-$/);
  });

  it('names every missing or wrong field', () => {
    expect(scaleProblems(pain, [])).toEqual({});
    expect(Object.keys(scaleProblems(EMPTY_SCALE, [])).sort()).toEqual(
      ['code', 'direction', 'max', 'min', 'name', 'unit'].sort(),
    );
    expect(scaleProblems({ ...pain, max: 0 }, [])).toEqual({ max: 'scales.errors.range' });
    expect(scaleProblems({ ...pain, code: 'pijn' }, [])).toEqual({ code: 'scales.errors.code' });
    expect(scaleProblems({ ...pain, code: 'PHQ-9' }, [])).toEqual({ code: 'problems.codeTaken' });
    expect(scaleProblems(pain, ['PIJN-NRS'])).toEqual({ code: 'problems.codeTaken' });
    expect(scaleProblems({ ...pain, meaningfulChange: 0 }, [])).toEqual({
      meaningfulChange: 'scales.errors.meaningfulChange',
    });
  });

  it('sends trimmed values, and the meaningful change only when given', () => {
    expect(scaleBody({ ...pain, name: ' Pijn ', meaningfulChange: '' })).toEqual({
      name: 'Pijn',
      code: 'PIJN-NRS',
      unit: 'punten',
      min: 0,
      max: 10,
      direction: 'lower-is-better',
    });
  });
});
