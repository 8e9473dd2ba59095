import type { ClinicChange, ClinicSettings } from './queries';

/** The settings an admin changes, in the order the form shows them. */
export const SETTING_KEYS = [
  'name',
  'timeZone',
  'locale',
  'mfaRequired',
  'reminderLeadMinutes',
  'escalationGraceHours',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** The form's values: a number field holds '' while it is emptied. */
export interface SettingsValues {
  name: string;
  timeZone: string;
  locale: ClinicSettings['locale'];
  mfaRequired: boolean;
  reminderLeadMinutes: number | '';
  escalationGraceHours: number | '';
}

/** The API's bounds (UpdateClinicDto): two weeks of lead time, a month of grace. */
export const LIMITS = {
  name: 200,
  reminderLeadMinutes: 20_160,
  escalationGraceHours: 720,
} as const;

export function settingsValuesOf(clinic: ClinicSettings): SettingsValues {
  return {
    name: clinic.name,
    timeZone: clinic.timeZone,
    locale: clinic.locale,
    mfaRequired: clinic.mfaRequired,
    reminderLeadMinutes: clinic.reminderLeadMinutes,
    escalationGraceHours: clinic.escalationGraceHours,
  };
}

function changedKeys(from: SettingsValues, to: SettingsValues): SettingKey[] {
  return SETTING_KEYS.filter((key) =>
    key === 'name' ? from.name.trim() !== to.name.trim() : from[key] !== to[key],
  );
}

/**
 * The PATCH body: only what the user changed, so a save never sends back a value the user did
 * not touch (and a colleague may have changed meanwhile). Call after validation.
 */
export function settingsChange(base: SettingsValues, values: SettingsValues): ClinicChange {
  const body: ClinicChange = {};
  for (const key of changedKeys(base, values)) {
    if (key === 'name') body.name = values.name.trim();
    else if (key === 'reminderLeadMinutes' || key === 'escalationGraceHours')
      body[key] = Number(values[key]);
    else if (key === 'timeZone') body.timeZone = values.timeZone;
    else if (key === 'locale') body.locale = values.locale;
    else body.mfaRequired = values.mfaRequired;
  }
  return body;
}

/** Why a value cannot be saved, as keys of the admin namespace with their values. */
export type SettingsProblem = { key: string; values?: Record<string, number> };

export function validateSettings(
  values: SettingsValues,
): Partial<Record<SettingKey, SettingsProblem>> {
  const problems: Partial<Record<SettingKey, SettingsProblem>> = {};
  const name = values.name.trim();
  if (name.length === 0) problems.name = { key: 'clinic.errors.nameRequired' };
  else if (name.length > LIMITS.name)
    problems.name = { key: 'clinic.errors.nameTooLong', values: { max: LIMITS.name } };
  if (!values.timeZone) problems.timeZone = { key: 'clinic.errors.timeZoneRequired' };
  for (const key of ['reminderLeadMinutes', 'escalationGraceHours'] as const) {
    const value = values[key];
    if (value === '' || !Number.isInteger(value) || value < 0 || value > LIMITS[key]) {
      problems[key] = { key: 'clinic.errors.wholeNumber', values: { max: LIMITS[key] } };
    }
  }
  return problems;
}

/**
 * After a 412: the user's edits re-applied on the latest settings. A setting the user did not
 * touch takes the colleague's value (saving again does not undo it); one the user changed keeps
 * the user's. `theirs` are the settings the colleague changed, `conflicts` those both changed,
 * to different values.
 */
export function mergeSettings(
  base: SettingsValues,
  latest: SettingsValues,
  edits: SettingsValues,
): { values: SettingsValues; theirs: SettingKey[]; conflicts: SettingKey[] } {
  const mine = new Set(changedKeys(base, edits));
  const theirs = changedKeys(base, latest);
  const values = { ...latest };
  for (const key of mine) Object.assign(values, { [key]: edits[key] });
  const conflicts = theirs.filter((key) => mine.has(key) && latest[key] !== edits[key]);
  return { values, theirs, conflicts };
}

/** A number of minutes as days, hours and minutes (1 dag 2 uur 30 minuten), for the readout. */
export function durationParts(totalMinutes: number): {
  days: number;
  hours: number;
  minutes: number;
} {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  return { days, hours, minutes: totalMinutes % 60 };
}

/**
 * The IANA zones this browser knows, for the picker; the clinic's own zone is always among
 * them (an older browser may lack it).
 */
export function timeZoneChoices(current: string): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = new Set(known.length > 0 ? known : ['Europe/Amsterdam', 'Europe/Brussels', 'UTC']);
  if (current) zones.add(current);
  return [...zones].sort();
}
