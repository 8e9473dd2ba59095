import { EXTRA_POINT_REGIONS, MERIDIANS } from './meridians';
import { findPoint, searchPoints } from './point-catalog';
import { ACUPUNCTURE_POINTS } from './points.data';

/**
 * WHO's point counts, written out here rather than read from MERIDIANS, so that a wrong
 * constant cannot vouch for a wrong table.
 */
const WHO_MERIDIAN_COUNTS: [string, number][] = [
  ['LU', 11],
  ['LI', 20],
  ['ST', 45],
  ['SP', 21],
  ['HT', 9],
  ['SI', 19],
  ['BL', 67],
  ['KI', 27],
  ['PC', 9],
  ['TE', 23],
  ['GB', 44],
  ['LR', 14],
  ['GV', 28],
  ['CV', 24],
];

const WHO_EXTRA_COUNTS: [string, number][] = [
  ['EX-HN', 15],
  ['EX-CA', 1],
  ['EX-B', 9],
  ['EX-UE', 11],
  ['EX-LE', 12],
];

const ALL_GROUPS = [...WHO_MERIDIAN_COUNTS, ...WHO_EXTRA_COUNTS];

function codesIn(group: string): string[] {
  return ACUPUNCTURE_POINTS.filter((point) => point.meridian === group).map((point) => point.code);
}

function codes(points: readonly { code: string }[]): string[] {
  return points.map((point) => point.code);
}

describe('the WHO point catalog', () => {
  it('holds 361 meridian points, as many on each meridian as WHO numbers', () => {
    const counted = WHO_MERIDIAN_COUNTS.map(([meridian]) => [meridian, codesIn(meridian).length]);
    expect(counted).toEqual(WHO_MERIDIAN_COUNTS);
    expect(counted.reduce((sum, [, count]) => sum + Number(count), 0)).toBe(361);
  });

  it('holds 48 extra points: 15 head and neck, 1 chest and abdomen, 9 back, 11 and 12 on the limbs', () => {
    const counted = WHO_EXTRA_COUNTS.map(([region]) => [region, codesIn(region).length]);
    expect(counted).toEqual(WHO_EXTRA_COUNTS);
    expect(ACUPUNCTURE_POINTS).toHaveLength(361 + 48);
  });

  it('states the same counts in MERIDIANS and EXTRA_POINT_REGIONS', () => {
    expect(MERIDIANS.map((entry) => [entry.code, entry.pointCount])).toEqual(WHO_MERIDIAN_COUNTS);
    expect(EXTRA_POINT_REGIONS.map((entry) => [entry.code, entry.pointCount])).toEqual(
      WHO_EXTRA_COUNTS,
    );
  });

  it('gives every point a different code', () => {
    const all = codes(ACUPUNCTURE_POINTS);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(ALL_GROUPS)('numbers %s from 1 to %i without gaps, in order', (group, count) => {
    const expected = Array.from({ length: count }, (_, index) => `${group}${index + 1}`);
    expect(codesIn(group)).toEqual(expected);
  });

  it('lists the meridians in WHO order, then the extra-point regions', () => {
    const groupOrder = [...new Set(ACUPUNCTURE_POINTS.map((point) => point.meridian))];
    expect(groupOrder).toEqual(ALL_GROUPS.map(([group]) => group));
  });

  it('gives every point a one-word pinyin name, capitalised, with at least one tone mark', () => {
    const toneMark = /[\u0300\u0301\u0304\u030c]/;
    const malformed = ACUPUNCTURE_POINTS.filter(
      (point) =>
        !/^\p{Lu}[\p{Ll}\p{M}']+$/u.test(point.pinyin.normalize('NFD')) ||
        !toneMark.test(point.pinyin.normalize('NFD')) ||
        point.pinyin !== point.pinyin.normalize('NFC'),
    );
    expect(codes(malformed)).toEqual([]);
  });

  it.each([
    ['LU1', 'Zhōngfǔ'],
    ['LI4', 'Hégǔ'],
    ['LI11', 'Qūchí'],
    ['ST36', 'Zúsānlǐ'],
    ['SP6', 'Sānyīnjiāo'],
    ['HT7', 'Shénmén'],
    ['SI3', 'Hòuxī'],
    ['BL40', 'Wěizhōng'],
    ['BL67', 'Zhìyīn'],
    ['KI1', 'Yǒngquán'],
    ['KI3', 'Tàixī'],
    ['PC6', 'Nèiguān'],
    ['TE5', 'Wàiguān'],
    ['GB20', 'Fēngchí'],
    ['GB34', 'Yánglíngquán'],
    ['LR3', 'Tàichōng'],
    ['GV20', 'Bǎihuì'],
    ['CV6', 'Qìhǎi'],
    ['CV12', 'Zhōngwǎn'],
    ['EX-HN3', 'Yìntáng'],
    ['EX-HN5', 'Tàiyáng'],
    ['EX-CA1', 'Zǐgōng'],
    ['EX-B2', 'Jiájǐ'],
    ['EX-UE9', 'Bāxié'],
    ['EX-LE10', 'Bāfēng'],
  ])('names %s %s', (code, pinyin) => {
    expect(findPoint(code)?.pinyin).toBe(pinyin);
  });

  it('gives every point an English name: trimmed, capitalised, letters and word marks only', () => {
    const malformed = ACUPUNCTURE_POINTS.filter(
      (point) =>
        typeof point.english !== 'string' ||
        point.english !== point.english.trim() ||
        !/^[A-Z][A-Za-z' -]*[a-z]$/.test(point.english) ||
        /\s{2}/.test(point.english),
    );
    expect(codes(malformed)).toEqual([]);
  });

  it('gives no two points the same English name, so a picker can list them by it', () => {
    const byName = new Map<string, string[]>();
    for (const point of ACUPUNCTURE_POINTS) {
      const name = point.english.toLowerCase();
      byName.set(name, [...(byName.get(name) ?? []), point.code]);
    }
    expect([...byName.values()].filter((shared) => shared.length > 1)).toEqual([]);
  });

  it.each([
    ['LU1', 'Middle Palace'],
    ['LU7', 'Broken Sequence'],
    ['LI4', 'Union Valley'],
    ['LI11', 'Pool at the Crook'],
    ['ST36', 'Leg Three Miles'],
    ['ST40', 'Abundant Bulge'],
    ['SP6', 'Three Yin Intersection'],
    ['SP9', 'Yin Mound Spring'],
    ['HT7', 'Spirit Gate'],
    ['SI3', 'Back Stream'],
    ['BL23', 'Kidney Shu'],
    ['BL40', 'Middle of the Crook'],
    ['BL60', 'Kunlun Mountains'],
    ['BL62', 'Extending Vessel'],
    ['BL67', 'Reaching Yin'],
    ['KI1', 'Gushing Spring'],
    ['KI3', 'Supreme Stream'],
    ['KI6', 'Shining Sea'],
    ['PC6', 'Inner Pass'],
    ['TE5', 'Outer Pass'],
    ['GB20', 'Wind Pool'],
    ['GB34', 'Yang Mound Spring'],
    ['LR3', 'Great Surge'],
    ['GV4', 'Gate of Life'],
    ['GV20', 'Hundred Meetings'],
    ['CV4', 'Gate of Origin'],
    ['CV6', 'Sea of Qi'],
    ['CV12', 'Middle Epigastrium'],
    ['CV17', 'Chest Centre'],
    ['EX-HN3', 'Hall of Impression'],
    ['EX-HN5', 'Supreme Yang'],
    ['EX-CA1', 'Palace of the Child'],
    ['EX-UE9', 'Eight Pathogens'],
    ['EX-LE10', 'Eight Winds'],
  ])('calls %s %s in English', (code, english) => {
    expect(findPoint(code)?.english).toBe(english);
  });

  // Points whose Chinese names share a syllable or sound alike, told apart in English too.
  it.each([
    ['HT4', 'Spirit Path', 'GV11', 'Spirit Pathway'],
    ['CV19', 'Purple Palace', 'EX-CA1', 'Palace of the Child'],
    ['CV7', 'Yin Intersection', 'GV28', 'Gum Intersection'],
    ['LI2', 'Second Interval', 'EX-HN6', 'Ear Apex'],
  ])('tells %s %s from %s %s', (firstCode, firstName, secondCode, secondName) => {
    expect([findPoint(firstCode)?.english, findPoint(secondCode)?.english]).toEqual([
      firstName,
      secondName,
    ]);
  });

  // Different points whose names differ only in tone: a slip here would go unnoticed in
  // toneless search, so the tones are pinned.
  it.each([
    ['SI4', 'Wàngǔ', 'GB12', 'Wángǔ'],
    ['LI18', 'Fútū', 'ST32', 'Fútù'],
    ['CV7', 'Yīnjiāo', 'GV28', 'Yínjiāo'],
    ['KI15', 'Zhōngzhù', 'TE3', 'Zhōngzhǔ'],
    ['LR6', 'Zhōngdū', 'GB32', 'Zhōngdú'],
    ['LI2', 'Èrjiān', 'EX-HN6', 'Ěrjiān'],
  ])('tells %s %s from %s %s', (firstCode, firstName, secondCode, secondName) => {
    expect([findPoint(firstCode)?.pinyin, findPoint(secondCode)?.pinyin]).toEqual([
      firstName,
      secondName,
    ]);
  });
});

describe('findPoint', () => {
  it.each([
    ['ST36', 'ST36'],
    ['st36', 'ST36'],
    [' St36 ', 'ST36'],
    ['st 36', 'ST36'],
    ['gv20', 'GV20'],
    ['ex-hn3', 'EX-HN3'],
    ['Ex-Le10', 'EX-LE10'],
  ])('finds %j as %s', (typed, code) => {
    expect(findPoint(typed)?.code).toBe(code);
  });

  it('returns the catalog entry itself', () => {
    expect(findPoint('pc6')).toBe(ACUPUNCTURE_POINTS.find((point) => point.code === 'PC6'));
    expect(findPoint('pc6')).toEqual({
      code: 'PC6',
      pinyin: 'Nèiguān',
      english: 'Inner Pass',
      meridian: 'PC',
    });
  });

  it.each([
    ['ST036', 'a leading zero'],
    ['ST0', 'point 0'],
    ['ST99', 'a number past the last stomach point'],
    ['LU12', 'one past the last lung point'],
    ['XX1', 'an unknown meridian'],
    ['EX-HN99', 'a number past the last head-and-neck point'],
    ['EX-CA2', 'a second chest-and-abdomen point'],
    ['EX1', 'an extra point without its region'],
    ['ST', 'a meridian without a number'],
    ['Zusanli', 'a name rather than a code'],
    ['', 'an empty string'],
    ['   ', 'only spaces'],
  ])('finds nothing for %j (%s)', (typed) => {
    expect(findPoint(typed)).toBeNull();
  });
});

describe('searchPoints', () => {
  it('returns the whole catalog, in order, when given no filter', () => {
    expect(searchPoints({})).toEqual(ACUPUNCTURE_POINTS);
    expect(searchPoints({ meridian: '', q: ' ' })).toEqual(ACUPUNCTURE_POINTS);
  });

  it('returns a new array each time, leaving the catalog untouched', () => {
    const found = searchPoints({});
    found.pop();
    expect(ACUPUNCTURE_POINTS).toHaveLength(409);
  });

  describe('by meridian', () => {
    it('takes the code in any case', () => {
      const stomach = searchPoints({ meridian: 'st' });
      expect(stomach).toHaveLength(45);
      expect(stomach.every((point) => point.meridian === 'ST')).toBe(true);
      expect([stomach[0].code, stomach[44].code]).toEqual(['ST1', 'ST45']);
    });

    it('takes an extra-point region', () => {
      expect(searchPoints({ meridian: 'EX-HN' })).toHaveLength(15);
      expect(codes(searchPoints({ meridian: 'ex-ca' }))).toEqual(['EX-CA1']);
    });

    it.each(['XX', 'EX', 'Stomach', 'ST36'])(
      'finds nothing for the unknown meridian %j',
      (code) => {
        expect(searchPoints({ meridian: code })).toEqual([]);
      },
    );
  });

  describe('by q', () => {
    it('matches the start of a code: st3 gives ST3 and ST30 to ST39, not ST13', () => {
      expect(codes(searchPoints({ q: 'st3' }))).toEqual([
        'ST3',
        'ST30',
        'ST31',
        'ST32',
        'ST33',
        'ST34',
        'ST35',
        'ST36',
        'ST37',
        'ST38',
        'ST39',
      ]);
    });

    it('matches an extra-point code prefix in any case', () => {
      expect(codes(searchPoints({ q: 'ex-ue1' }))).toEqual(['EX-UE1', 'EX-UE10', 'EX-UE11']);
    });

    it.each([
      ['zusanli', ['ST36']],
      ['Zusan', ['ST36']],
      ['ZÚSĀNLǏ', ['ST36']],
      ['zu san li', ['ST36']],
      ['hegu', ['LI4']],
      ['Hégǔ', ['LI4']],
      ['sanli', ['LI10', 'ST36']],
      ['yintang', ['EX-HN3']],
      ['fuai', ['SP16']],
      ["Fù'āi", ['SP16']],
      ['zhonglushu', ['BL29']],
    ])('matches pinyin %j without regard to tones or case', (q, expected) => {
      expect(codes(searchPoints({ q }))).toEqual(expected);
    });

    it.each([
      ['three miles', ['LI10', 'ST36']],
      ['Leg Three Miles', ['ST36']],
      ['LEG THREE', ['ST36']],
      ['  union   valley ', ['LI4']],
      ['great surge', ['LR3']],
      ['wind pool', ['GB20']],
      ['inner pass', ['PC6']],
      ['hall of impression', ['EX-HN3']],
      ['three yin', ['SP6']],
      [
        'bone hole',
        [
          'LI12',
          'LI19',
          'ST3',
          'SI18',
          'BL31',
          'BL32',
          'BL33',
          'BL34',
          'TE14',
          'TE15',
          'TE22',
          'GB1',
          'GB29',
          'GV25',
        ],
      ],
      ['ear harmony bone-hole', ['TE22']],
      ['heavens pivot', ['ST25']],
      ["heaven's tripod", ['LI17']],
      ['Heaven’s Tripod', ['LI17']],
      ['dyspnoea', ['EX-B1']],
    ])(
      'matches the English name %j in part, without regard to case or punctuation',
      (q, expected) => {
        expect(codes(searchPoints({ q }))).toEqual(expected);
      },
    );

    it('matches codes, pinyin and English names at once, in catalog order', () => {
      const found = codes(searchPoints({ q: 'lu' }));
      // LU1 by its code, BL13 by its English name (Lung Shu), GB5 by its pinyin (Xuánlú).
      expect(found).toEqual(expect.arrayContaining(['LU1', 'LU11', 'BL13', 'GB5']));
      expect(found.indexOf('LU11')).toBeLessThan(found.indexOf('BL13'));
      expect(found.indexOf('BL13')).toBeLessThan(found.indexOf('GB5'));
    });

    it('does not read a code with a number as pinyin', () => {
      expect(codes(searchPoints({ q: 'gb2' }))).toEqual([
        'GB2',
        'GB20',
        'GB21',
        'GB22',
        'GB23',
        'GB24',
        'GB25',
        'GB26',
        'GB27',
        'GB28',
        'GB29',
      ]);
    });

    it('finds nothing for a name WHO does not use', () => {
      expect(searchPoints({ q: 'xyzzy' })).toEqual([]);
    });
  });

  describe('by meridian and q together', () => {
    it('keeps only the points matching both', () => {
      // KI14 by its English name, Fourfold Fullness.
      expect(codes(searchPoints({ meridian: 'KI', q: 'fu' }))).toEqual([
        'KI7',
        'KI14',
        'KI20',
        'KI27',
      ]);
    });

    it('finds nothing for another meridian’s code', () => {
      expect(searchPoints({ meridian: 'ST', q: 'GV20' })).toEqual([]);
    });
  });
});
