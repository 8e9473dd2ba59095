/**
 * The fourteen meridians and the five extra-point regions of the WHO acupuncture
 * nomenclature. Codes and English names are WHO's (Triple Energizer, not San Jiao;
 * Governor and Conception Vessel, not Du and Ren), so a note written here reads the same as
 * the WHO Standard Acupuncture Point Locations (2008) a practitioner checks it against.
 *
 * `pointCount` is how many points WHO numbers on each: the catalog in points.data.ts must
 * hold exactly that many, numbered 1..pointCount.
 */

export interface Meridian {
  readonly code: string;
  readonly name: string;
  readonly pointCount: number;
}

/** Standard order: the flow of qi from Lung round to Liver, then the two midline vessels. */
export const MERIDIANS = [
  { code: 'LU', name: 'Lung', pointCount: 11 },
  { code: 'LI', name: 'Large Intestine', pointCount: 20 },
  { code: 'ST', name: 'Stomach', pointCount: 45 },
  { code: 'SP', name: 'Spleen', pointCount: 21 },
  { code: 'HT', name: 'Heart', pointCount: 9 },
  { code: 'SI', name: 'Small Intestine', pointCount: 19 },
  { code: 'BL', name: 'Bladder', pointCount: 67 },
  { code: 'KI', name: 'Kidney', pointCount: 27 },
  { code: 'PC', name: 'Pericardium', pointCount: 9 },
  { code: 'TE', name: 'Triple Energizer', pointCount: 23 },
  { code: 'GB', name: 'Gallbladder', pointCount: 44 },
  { code: 'LR', name: 'Liver', pointCount: 14 },
  { code: 'GV', name: 'Governor Vessel', pointCount: 28 },
  { code: 'CV', name: 'Conception Vessel', pointCount: 24 },
] as const satisfies readonly Meridian[];

export type MeridianCode = (typeof MERIDIANS)[number]['code'];

/**
 * The 48 extra points (points outside the meridians) that WHO numbers by body region, from
 * "A Proposed Standard International Acupuncture Nomenclature" (WHO, 1991). The 2008 location
 * standard covers only the 361 meridian points, so these keep their 1991 codes.
 */
export const EXTRA_POINT_REGIONS = [
  { code: 'EX-HN', name: 'Head and Neck', pointCount: 15 },
  { code: 'EX-CA', name: 'Chest and Abdomen', pointCount: 1 },
  { code: 'EX-B', name: 'Back', pointCount: 9 },
  { code: 'EX-UE', name: 'Upper Extremities', pointCount: 11 },
  { code: 'EX-LE', name: 'Lower Extremities', pointCount: 12 },
] as const satisfies readonly Meridian[];

export type ExtraRegionCode = (typeof EXTRA_POINT_REGIONS)[number]['code'];

export const MERIDIAN_CODES: readonly MeridianCode[] = MERIDIANS.map((meridian) => meridian.code);

export const EXTRA_REGION_CODES: readonly ExtraRegionCode[] = EXTRA_POINT_REGIONS.map(
  (region) => region.code,
);

/** 361: the points on the fourteen meridians. */
export const STANDARD_POINT_COUNT = MERIDIANS.reduce(
  (sum, meridian) => sum + meridian.pointCount,
  0,
);

/** 48: the extra points in the five regions. */
export const EXTRA_POINT_COUNT = EXTRA_POINT_REGIONS.reduce(
  (sum, region) => sum + region.pointCount,
  0,
);
