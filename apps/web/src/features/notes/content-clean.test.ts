import { describe, expect, it } from 'vitest';
import { cleanContent, numberOrUndefined } from './content-clean';

describe('content as an editor sends it', () => {
  it('leaves out emptied fields and lists, keeps rows being filled in', () => {
    expect(
      cleanContent({
        phase: 'elimination',
        protocol: '',
        symptoms: [],
        notes: '   ',
        challenges: [{ food: 'eggs', reaction: '' }, { food: '' }],
        tongue: { coating: '' },
      }),
    ).toEqual({ phase: 'elimination', challenges: [{ food: 'eggs' }, {}] });
  });

  it('keeps zero and false, which are answers', () => {
    expect(cleanContent({ adherencePercent: 0, flag: false })).toEqual({
      adherencePercent: 0,
      flag: false,
    });
  });

  it('reads a number input, Dutch decimal comma included', () => {
    expect(numberOrUndefined('')).toBeUndefined();
    expect(numberOrUndefined('72,4')).toBe(72.4);
    expect(numberOrUndefined(80)).toBe(80);
  });
});
