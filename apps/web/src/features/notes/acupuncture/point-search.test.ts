import { describe, expect, it } from 'vitest';
import { buildPointIndex, pointName, searchPoints } from './point-search';
import { CATALOGUE } from './test-fixtures';

const index = buildPointIndex(CATALOGUE);
const codes = (text: string, meridian = '') =>
  searchPoints(index, { text, meridian, limit: 50 }).points.map((point) => point.code);

describe('searching the point catalogue', () => {
  it('finds codes by their start, as typed, the exact code first', () => {
    expect(codes('st3')).toEqual(['ST3', 'ST36', 'ST37']);
    expect(codes('ST 36')).toEqual(['ST36']);
    expect(codes(' st36 ')).toEqual(['ST36']);
    expect(codes('li1')).toEqual(['LI10', 'LI11']);
    expect(codes('exhn3')).toEqual(['EX-HN3']);
    expect(codes('Ex-hn 3')).toEqual(['EX-HN3']);
  });

  it('finds pinyin with or without tones, a name’s start before a part of it', () => {
    expect(codes('zusanli')).toEqual(['ST36']);
    expect(codes('Zúsānlǐ')).toEqual(['ST36']);
    expect(codes('zu san li')).toEqual(['ST36']);
    expect(codes('sanli')).toEqual(['LI10', 'ST36']);
    expect(codes('san')).toEqual(['SP6', 'LI10', 'ST36']);
  });

  it('finds English names by any word', () => {
    expect(codes('three miles')).toEqual(['LI10', 'ST36']);
    expect(codes('union')).toEqual(['LI4']);
    expect(codes('Hall of')).toEqual(['EX-HN3']);
  });

  it('does not take a code with digits for pinyin or English', () => {
    expect(codes('ta3')).toEqual([]);
  });

  it('keeps to the chosen meridian, and lists it in order when nothing is typed', () => {
    expect(codes('three miles', 'ST')).toEqual(['ST36']);
    expect(codes('', 'LI')).toEqual(['LI4', 'LI10', 'LI11']);
    expect(codes('st', 'LI')).toEqual([]);
  });

  it('takes a number alone as a point on the chosen meridian, a whole code as meant', () => {
    expect(codes('36', 'ST')).toEqual(['ST36']);
    expect(codes('3', 'ST')).toEqual(['ST3', 'ST36', 'ST37']);
    expect(codes('3', 'EX-HN')).toEqual(['EX-HN3']);
    expect(codes('36')).toEqual([]);
    expect(codes('li4', 'ST')).toEqual(['LI4']);
  });

  it('says how many matched when the list is cut', () => {
    const results = searchPoints(index, { text: '', meridian: '', limit: 5 });
    expect(results.points).toHaveLength(5);
    expect(results.total).toBe(CATALOGUE.length);
  });

  it('names a point with pinyin and English, and a code it does not know as typed', () => {
    expect(pointName('st36', index.byCode.get('ST36'))).toBe('ST36 Zúsānlǐ (Leg Three Miles)');
    expect(pointName('ZZ9', undefined)).toBe('ZZ9');
  });
});
