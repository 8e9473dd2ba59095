import type { SessionNote } from '../editor';
import type { CataloguePoint } from './point-search';

/** A slice of the WHO catalogue, in its order, with the names the API gives. */
export const CATALOGUE: CataloguePoint[] = [
  { code: 'LU7', pinyin: 'Lièquē', meridian: 'LU', english: 'Broken Sequence' },
  { code: 'LI4', pinyin: 'Hégǔ', meridian: 'LI', english: 'Union Valley' },
  { code: 'LI10', pinyin: 'Shǒusānlǐ', meridian: 'LI', english: 'Arm Three Miles' },
  { code: 'LI11', pinyin: 'Qūchí', meridian: 'LI', english: 'Pool at the Bend' },
  { code: 'ST3', pinyin: 'Jùliáo', meridian: 'ST', english: 'Great Bone-hole' },
  { code: 'ST13', pinyin: 'Qìhù', meridian: 'ST', english: 'Qi Door' },
  { code: 'ST36', pinyin: 'Zúsānlǐ', meridian: 'ST', english: 'Leg Three Miles' },
  { code: 'ST37', pinyin: 'Shàngjùxū', meridian: 'ST', english: 'Upper Great Hollow' },
  { code: 'SP6', pinyin: 'Sānyīnjiāo', meridian: 'SP', english: 'Three Yin Intersection' },
  { code: 'LR3', pinyin: 'Tàichōng', meridian: 'LR', english: 'Great Surge' },
  { code: 'GV20', pinyin: 'Bǎihuì', meridian: 'GV', english: 'Hundred Convergences' },
  { code: 'EX-HN3', pinyin: 'Yìntáng', meridian: 'EX-HN', english: 'Hall of Impression' },
];

export function draftNote(overrides: Partial<SessionNote> = {}): SessionNote {
  return {
    id: '0193dddd-0000-7000-8000-000000000009',
    clientId: '0193bbbb-0000-7000-8000-000000000001',
    practitionerId: '0193aaaa-0000-7000-8000-000000000002',
    discipline: 'acupuncture',
    sessionDate: '2026-12-05',
    appointmentId: null,
    treatmentPlanId: null,
    status: 'draft',
    version: 3,
    restricted: false,
    content: {},
    signature: null,
    addendaCount: 0,
    createdAt: '2026-12-05T09:00:00Z',
    updatedAt: '2026-12-05T09:10:00Z',
    ...overrides,
  } as SessionNote;
}
