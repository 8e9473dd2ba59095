import type { NewScale } from './queries';

/** The add-a-scale form's values: number fields hold '' while empty. */
export interface ScaleValues {
  name: string;
  code: string;
  unit: string;
  min: number | '';
  max: number | '';
  direction: NewScale['direction'] | '';
  meaningfulChange: number | '';
}

export const EMPTY_SCALE: ScaleValues = {
  name: '',
  code: '',
  unit: '',
  min: '',
  max: '',
  direction: '',
  meaningfulChange: '',
};

/** The API's rules (CreateClinicScaleDto), checked here first so the user hears at once. */
export const CODE_PATTERN = /^[A-Z][A-Z0-9-]{1,19}$/;
const BUILT_IN = ['PHQ-9', 'GAD-7', 'MYMOP2'];
export const SCALE_LIMITS = { name: 100, unit: 20, code: 20 } as const;

export type ScaleField = keyof ScaleValues;
export const SCALE_FIELDS: readonly ScaleField[] = [
  'name',
  'code',
  'unit',
  'min',
  'max',
  'direction',
  'meaningfulChange',
];

/**
 * A code from the name as the user types it, until they type one of their own: "Pijn (NRS)"
 * becomes PIJN-NRS, accents dropped, at most 20 characters.
 */
export function suggestCode(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const code = words
    .join('-')
    .replace(/^[^A-Z]+/, '')
    .slice(0, SCALE_LIMITS.code);
  return code.replace(/-+$/, '');
}

/** Keys of the admin namespace for what is wrong, per field. */
export function scaleProblems(
  values: ScaleValues,
  takenCodes: readonly string[],
): Partial<Record<ScaleField, string>> {
  const problems: Partial<Record<ScaleField, string>> = {};
  if (!values.name.trim()) problems.name = 'scales.errors.name';
  if (!CODE_PATTERN.test(values.code)) problems.code = 'scales.errors.code';
  else if (BUILT_IN.includes(values.code) || takenCodes.includes(values.code))
    problems.code = 'problems.codeTaken';
  if (!values.unit.trim()) problems.unit = 'scales.errors.unit';
  if (values.min === '') problems.min = 'scales.errors.number';
  if (values.max === '') problems.max = 'scales.errors.number';
  else if (values.min !== '' && values.max <= values.min) problems.max = 'scales.errors.range';
  if (values.direction === '') problems.direction = 'scales.errors.direction';
  if (values.meaningfulChange !== '' && values.meaningfulChange <= 0)
    problems.meaningfulChange = 'scales.errors.meaningfulChange';
  return problems;
}

/** The POST body of valid values. */
export function scaleBody(values: ScaleValues): NewScale {
  return {
    name: values.name.trim(),
    code: values.code,
    unit: values.unit.trim(),
    min: Number(values.min),
    max: Number(values.max),
    direction: values.direction as NewScale['direction'],
    ...(values.meaningfulChange !== '' ? { meaningfulChange: values.meaningfulChange } : {}),
  };
}
