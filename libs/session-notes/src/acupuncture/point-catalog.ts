import { EXTRA_REGION_CODES, MERIDIAN_CODES } from './meridians';
import { ACUPUNCTURE_POINTS, AcupuncturePoint } from './points.data';

export type { AcupuncturePoint } from './points.data';
export type { ExtraRegionCode, MeridianCode } from './meridians';
export {
  EXTRA_POINT_COUNT,
  EXTRA_POINT_REGIONS,
  EXTRA_REGION_CODES,
  MERIDIAN_CODES,
  MERIDIANS,
  STANDARD_POINT_COUNT,
} from './meridians';

export interface PointFilter {
  /** A meridian ('ST') or extra-point region ('EX-HN') code, in any case. */
  meridian?: string;
  /**
   * The start of a code ('st3'), or part of a pinyin name with or without tones ('zusanli') or
   * of an English name ('three miles').
   */
  q?: string;
}

/**
 * Codes as practitioners type them, in any case and with stray spaces ('st 36', ' Ex-hn3 '),
 * reduced to the catalog's form. Leading zeros are kept, so 'ST036' stays wrong: WHO never
 * writes them, and guessing what a mistyped code meant is no job for a clinical record.
 */
function canonicalCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/**
 * Pinyin reduced to bare lower-case letters, so 'Zúsānlǐ', 'zusanli' and 'Zu San Li' all
 * compare equal: tone marks and the ü diaeresis go (NFD splits them off the vowel), and so
 * do the spaces and the syllable apostrophe of Fù'āi, which nobody types in a search box.
 */
function foldPinyin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * English reduced to lower-case words separated by single spaces, so 'three miles' finds
 * 'Leg Three Miles', 'bone hole' finds 'Bone-hole' and 'heavens' finds "Heaven's".
 */
function foldEnglish(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Built once: findPoint is called for every code in every note. */
const POINTS_BY_CODE: ReadonlyMap<string, AcupuncturePoint> = new Map(
  ACUPUNCTURE_POINTS.map((point) => [point.code, point]),
);

const FOLDED_PINYIN: ReadonlyMap<AcupuncturePoint, string> = new Map(
  ACUPUNCTURE_POINTS.map((point) => [point, foldPinyin(point.pinyin)]),
);

const FOLDED_ENGLISH: ReadonlyMap<AcupuncturePoint, string> = new Map(
  ACUPUNCTURE_POINTS.map((point) => [point, foldEnglish(point.english)]),
);

const KNOWN_GROUPS: ReadonlySet<string> = new Set<string>([
  ...MERIDIAN_CODES,
  ...EXTRA_REGION_CODES,
]);

/** The catalog point for a code typed in any case ('st36' gives ST36), or null if WHO has none. */
export function findPoint(code: string): AcupuncturePoint | null {
  return POINTS_BY_CODE.get(canonicalCode(code)) ?? null;
}

/**
 * Catalog points matching every filter given, in catalog order (meridian by meridian, then
 * by point number) so a picker lists ST3 before ST30. A blank filter is no filter; a
 * meridian that is not a WHO code matches nothing rather than everything.
 *
 * `q` matches the start of a code ('st3': ST3 and ST30–ST39, not ST13), any part of a pinyin
 * name without regard to tones or case ('sanli': ST36 Zúsānlǐ and LI10 Shǒusānlǐ), or any part
 * of an English name without regard to case or punctuation ('three miles': ST36 Leg Three
 * Miles, LI10 Arm Three Miles).
 */
export function searchPoints(filter: PointFilter): AcupuncturePoint[] {
  const meridian = canonicalCode(filter.meridian ?? '');
  if (meridian && !KNOWN_GROUPS.has(meridian)) return [];

  const codePrefix = canonicalCode(filter.q ?? '');
  // A query with digits or hyphens can only be a code: 'st3' must not match pinyin 'st'.
  const pinyinPart = /^[\p{L}\p{M}\s']*$/u.test(filter.q ?? '') ? foldPinyin(filter.q ?? '') : '';
  // No English name has a digit, but hyphens are theirs too ('bone-hole').
  const englishPart = /\d/.test(filter.q ?? '') ? '' : foldEnglish(filter.q ?? '');

  return ACUPUNCTURE_POINTS.filter((point) => {
    if (meridian && point.meridian !== meridian) return false;
    if (!codePrefix) return true;
    if (point.code.startsWith(codePrefix)) return true;
    if (pinyinPart !== '' && (FOLDED_PINYIN.get(point) ?? '').includes(pinyinPart)) return true;
    return englishPart !== '' && (FOLDED_ENGLISH.get(point) ?? '').includes(englishPart);
  });
}
