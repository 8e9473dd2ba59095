import type { Schemas } from '../../../api/client';

/** A point of the WHO catalogue, with its pinyin and customary English name. */
export type CataloguePoint = Schemas['AcupuncturePointResponse'];

/** The 14 meridians in the flow of qi, then the 5 extra-point regions (the catalogue's order). */
export const MERIDIAN_GROUPS = [
  'LU',
  'LI',
  'ST',
  'SP',
  'HT',
  'SI',
  'BL',
  'KI',
  'PC',
  'TE',
  'GB',
  'LR',
  'GV',
  'CV',
  'EX-HN',
  'EX-CA',
  'EX-B',
  'EX-UE',
  'EX-LE',
] as const;

/**
 * Codes as practitioners type them ('st 36', 'Ex-hn3', 'exhn 3') and as WHO writes them,
 * reduced to one form: upper case, without spaces or hyphens.
 */
export function codeKey(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}

/** Letters only, without tones or case: 'Zúsānlǐ', 'zu san li' and "Fù'āi" compare as typed. */
function foldPinyin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Words kept apart, so that 'three mi' finds "Leg Three Miles" and a word start ranks first. */
function foldWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface IndexedPoint {
  point: CataloguePoint;
  code: string;
  pinyin: string;
  english: string;
}

export interface PointIndex {
  readonly entries: readonly IndexedPoint[];
  readonly byCode: ReadonlyMap<string, CataloguePoint>;
}

/** Built once per catalogue: the folding is done here, not on every keystroke. */
export function buildPointIndex(points: readonly CataloguePoint[]): PointIndex {
  return {
    entries: points.map((point) => ({
      point,
      code: codeKey(point.code),
      pinyin: foldPinyin(point.pinyin),
      english: foldWords(point.english),
    })),
    byCode: new Map(points.map((point) => [codeKey(point.code), point])),
  };
}

export function findPoint(index: PointIndex, code: string): CataloguePoint | undefined {
  return index.byCode.get(codeKey(code));
}

export interface PointQuery {
  text: string;
  /** A meridian or extra region ('ST', 'EX-HN'); empty for all. */
  meridian: string;
  limit: number;
}

export interface PointResults {
  points: CataloguePoint[];
  /** How many matched in all; more than `points.length` when the limit cut the list. */
  total: number;
}

/**
 * How well an entry matches, lower is better; null when it does not. A code typed in full
 * comes first, then codes that start with it (LU1 before LU10), pinyin that starts with it,
 * an English word that starts with it, and last a match inside a pinyin or English name.
 */
function rank(entry: IndexedPoint, code: string, pinyin: string, words: string): number | null {
  if (code && entry.code === code) return 0;
  if (code && entry.code.startsWith(code)) return 1;
  // Digits can only be part of a code: 'st3' must not find pinyin or English.
  if (/\d/.test(code)) return null;
  if (pinyin && entry.pinyin.startsWith(pinyin)) return 2;
  if (words && (entry.english.startsWith(words) || entry.english.includes(` ${words}`))) return 3;
  if (pinyin && entry.pinyin.includes(pinyin)) return 4;
  if (words && entry.english.includes(words)) return 5;
  return null;
}

/**
 * Catalogue points matching what was typed (code prefix, pinyin with or without tones, or
 * English name) on the chosen meridian, best first and in catalogue order within a rank.
 * Nothing typed lists the meridian's points (or the catalogue) in order.
 *
 * With a meridian chosen, a number alone is a point on it ('36' on ST finds ST36: quick on a
 * tablet's number pad); a whole code ('li4') is taken as meant, whatever meridian is chosen.
 */
export function searchPoints(index: PointIndex, query: PointQuery): PointResults {
  const typed = codeKey(query.text);
  const numberOnly = /^\d+$/.test(typed);
  const code = numberOnly && query.meridian ? codeKey(query.meridian) + typed : typed;
  const meridian = /\d/.test(typed) && !numberOnly ? '' : query.meridian;
  const pinyin = foldPinyin(query.text);
  const words = foldWords(query.text);
  const ranked: { point: CataloguePoint; rank: number; order: number }[] = [];
  index.entries.forEach((entry, order) => {
    if (meridian && entry.point.meridian !== meridian) return;
    const found = code === '' ? 0 : rank(entry, code, pinyin, words);
    if (found !== null) ranked.push({ point: entry.point, rank: found, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return { points: ranked.slice(0, query.limit).map((item) => item.point), total: ranked.length };
}

/** `ST36 Zúsānlǐ (Leg Three Miles)`; the code alone for a code the catalogue lacks. */
export function pointName(code: string, point: CataloguePoint | undefined): string {
  if (!point) return code;
  return point.english
    ? `${point.code} ${point.pinyin} (${point.english})`
    : `${point.code} ${point.pinyin}`;
}
