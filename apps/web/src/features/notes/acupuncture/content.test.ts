import { describe, expect, it } from 'vitest';
import { appendPoints, compact, compactContent, move, type NeedledPoint } from './content';
import { errorOf, unplacedErrors } from './errors';

describe('content as the editor sends it', () => {
  it('leaves out blank strings, empty lists and the objects they empty', () => {
    expect(
      compactContent({
        chiefComplaint: '  ',
        tongue: { bodyColour: '', coating: 'thin white', shape: '' },
        pulse: { left: { cun: [], guan: ['wiry'] }, right: { chi: [] } },
        patterns: [],
        points: [{ code: 'ST36', side: 'bilateral', technique: '' }],
        response: 'Relaxed ',
      }),
    ).toEqual({
      tongue: { coating: 'thin white' },
      pulse: { left: { guan: ['wiry'] } },
      points: [{ code: 'ST36', side: 'bilateral' }],
      response: 'Relaxed ',
    });
    expect(compactContent({ chiefComplaint: '', tongue: {} })).toEqual({});
  });

  it('keeps the parts that lost nothing as they were', () => {
    const points: NeedledPoint[] = [{ code: 'ST36', side: 'left', retentionMinutes: 20 }];
    const tongue = { coating: 'greasy' };
    const result = compactContent({ chiefComplaint: 'Headache', points, tongue, patterns: [] });
    expect(result.points).toBe(points);
    expect(result.tongue).toBe(tongue);
    expect(compact(0)).toBe(0);
  });
});

describe('adding points', () => {
  const picked: NeedledPoint[] = [
    { code: 'ST36', side: 'bilateral' },
    { code: 'LI4', side: 'left' },
  ];

  it('appends the new ones in their order and names those already there', () => {
    const result = appendPoints(picked, [
      { code: 'LI4', side: 'right', technique: 'even' },
      { code: 'SP6', side: 'bilateral', retentionMinutes: 20 },
    ]);
    expect(result.points).toEqual([
      ...picked,
      { code: 'SP6', side: 'bilateral', retentionMinutes: 20 },
    ]);
    expect(result.duplicates).toEqual(['LI4']);
    expect(result.overLimit).toEqual([]);
  });

  it('stops at sixty points and names the ones left out', () => {
    const many = Array.from({ length: 59 }, (_, i) => ({
      code: `BL${i + 1}`,
      side: 'left' as const,
    }));
    const result = appendPoints(many, [
      { code: 'ST36', side: 'bilateral' },
      { code: 'SP6', side: 'bilateral' },
    ]);
    expect(result.points).toHaveLength(60);
    expect(result.overLimit).toEqual(['SP6']);
  });

  it('moves a point up or down and ignores a move off the list', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});

describe('the API’s field errors', () => {
  it('joins a list’s errors with its items’', () => {
    expect(
      errorOf({ patterns: 'at most 10', 'patterns[2]': 'too long', patternsX: 'no' }, 'patterns'),
    ).toBe('at most 10 · too long');
  });

  it('lists the content errors no field shows, and leaves the note’s own to the page', () => {
    expect(
      unplacedErrors(
        {
          'tongue.coating': 'too long',
          tongue: 'must be an object',
          'points[1].code': 'unknown',
          'points[4].side': 'invalid',
          sessionDate: 'in the future',
        },
        2,
      ),
    ).toEqual([
      ['tongue', 'must be an object'],
      ['points[4].side', 'invalid'],
    ]);
  });
});
