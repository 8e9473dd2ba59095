import type { Schemas } from '../../../api/client';
import type { AcupunctureContent, AcupunctureDraft } from '../editor';

export type NeedledPoint = Schemas['NeedledPointDto'];
export type Side = NeedledPoint['side'];
export type Adjunct = NonNullable<AcupunctureContent['adjuncts']>[number];
export type Tongue = Schemas['TongueDto'];
export type Pulse = Schemas['PulseDto'];
export type WristPulse = Schemas['WristPulseDto'];
export type Wrist = 'left' | 'right';
export type PulsePosition = keyof WristPulse;

export const SIDES = ['left', 'right', 'bilateral'] as const satisfies readonly Side[];
export const ADJUNCTS = [
  'moxibustion',
  'cupping',
  'electro-acupuncture',
  'gua-sha',
] as const satisfies readonly Adjunct[];
export const WRISTS = ['left', 'right'] as const satisfies readonly Wrist[];
/** Distal to proximal, as the three fingers lie on the wrist. */
export const PULSE_POSITIONS = ['cun', 'guan', 'chi'] as const satisfies readonly PulsePosition[];

/** The API's limits (acupuncture.content.ts), so that the editor stops where the server would. */
export const LIMITS = {
  points: 60,
  retention: { min: 1, max: 120 },
  pulseRate: { min: 20, max: 250 },
  pulseQualities: 10,
  patterns: 10,
  observation: 200,
  pulseQuality: 40,
  text: 2000,
} as const;

/**
 * `value` without blank strings, empty lists and objects left empty by that, recursively;
 * undefined when nothing is left. A draft is saved as it stands, and the API takes a missing
 * field for "not recorded" where it refuses `""` or `[]`. Parts that lose nothing are returned
 * as they were, so that sections that did not change keep their identity and do not render again.
 */
export function compact<T>(value: T): T | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const kept = value.map(compact).filter((item) => item !== undefined);
    if (kept.length === 0) return undefined;
    const same = kept.length === value.length && kept.every((item, i) => item === value[i]);
    return same ? value : (kept as T);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const kept = entries
      .map(([key, item]) => [key, compact(item)] as const)
      .filter(([, item]) => item !== undefined);
    if (kept.length === 0) return undefined;
    const same =
      kept.length === entries.length &&
      kept.every(([key, item]) => item === (value as Record<string, unknown>)[key]);
    return same ? value : (Object.fromEntries(kept) as T);
  }
  return value === null ? undefined : value;
}

/**
 * A draft may lack even the chief complaint (the API checks completeness when the note is
 * signed), so the compacted content is typed as the contract's content.
 */
export function compactContent(content: AcupunctureDraft): AcupunctureContent {
  return (compact(content) ?? {}) as AcupunctureContent;
}

/** Points added to `points`, except codes already there, as many as the limit allows. */
export function appendPoints(
  points: readonly NeedledPoint[],
  added: readonly NeedledPoint[],
): { points: NeedledPoint[]; duplicates: string[]; overLimit: string[] } {
  const present = new Set(points.map((point) => point.code));
  const result = [...points];
  const duplicates: string[] = [];
  const overLimit: string[] = [];
  for (const point of added) {
    if (present.has(point.code)) duplicates.push(point.code);
    else if (result.length >= LIMITS.points) overLimit.push(point.code);
    else {
      present.add(point.code);
      result.push({ ...point });
    }
  }
  return { points: result, duplicates, overLimit };
}

/** `list` with the item at `from` moved to `to`. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const result = [...list];
  const [item] = result.splice(from, 1);
  result.splice(to, 0, item);
  return result;
}
