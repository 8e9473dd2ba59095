import { describe, expect, it } from 'vitest';
import {
  durationParts,
  mergeSettings,
  settingsChange,
  settingsValuesOf,
  timeZoneChoices,
  validateSettings,
  type SettingsValues,
} from './clinic-settings';
import type { ClinicSettings } from './queries';

const clinic: ClinicSettings = {
  id: '0193aaaa-0000-7000-8000-000000000001',
  name: 'Praktijk De Linde',
  timeZone: 'Europe/Amsterdam',
  locale: 'nl',
  mfaRequired: true,
  reminderLeadMinutes: 1440,
  escalationGraceHours: 24,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 3,
};
const base = settingsValuesOf(clinic);
const edit = (change: Partial<SettingsValues>): SettingsValues => ({ ...base, ...change });

describe('clinic settings', () => {
  it('sends only what the user changed, trimmed and as numbers', () => {
    expect(settingsChange(base, base)).toEqual({});
    expect(settingsChange(base, edit({ name: '  De Linde ', reminderLeadMinutes: 120 }))).toEqual({
      name: 'De Linde',
      reminderLeadMinutes: 120,
    });
    expect(settingsChange(base, edit({ name: 'Praktijk De Linde  ' }))).toEqual({});
    expect(settingsChange(base, edit({ mfaRequired: false, locale: 'en' }))).toEqual({
      mfaRequired: false,
      locale: 'en',
    });
  });

  it('refuses an empty name and numbers outside the API’s bounds', () => {
    expect(validateSettings(base)).toEqual({});
    const problems = validateSettings(
      edit({ name: ' ', reminderLeadMinutes: '', escalationGraceHours: 721 }),
    );
    expect(Object.keys(problems).sort()).toEqual([
      'escalationGraceHours',
      'name',
      'reminderLeadMinutes',
    ]);
    expect(problems.escalationGraceHours?.values).toEqual({ max: 720 });
    expect(validateSettings(edit({ reminderLeadMinutes: 1.5 })).reminderLeadMinutes).toBeDefined();
    expect(validateSettings(edit({ reminderLeadMinutes: 20_160 }))).toEqual({});
  });

  it('keeps the user’s edits on a colleague’s newer settings after a 412', () => {
    const latest = edit({ escalationGraceHours: 48, reminderLeadMinutes: 60 });
    const mine = edit({ reminderLeadMinutes: 120, name: 'De Linde' });
    const merged = mergeSettings(base, latest, mine);
    expect(merged.values).toEqual(
      edit({ escalationGraceHours: 48, reminderLeadMinutes: 120, name: 'De Linde' }),
    );
    expect(merged.theirs).toEqual(['reminderLeadMinutes', 'escalationGraceHours']);
    expect(merged.conflicts).toEqual(['reminderLeadMinutes']);
    // Saving again sends the user's changes against the colleague's version, nothing else.
    expect(settingsChange(latest, merged.values)).toEqual({
      name: 'De Linde',
      reminderLeadMinutes: 120,
    });
  });

  it('says a lead time in days, hours and minutes', () => {
    expect(durationParts(1440)).toEqual({ days: 1, hours: 0, minutes: 0 });
    expect(durationParts(1590)).toEqual({ days: 1, hours: 2, minutes: 30 });
    expect(durationParts(45)).toEqual({ days: 0, hours: 0, minutes: 45 });
  });

  it('offers the clinic’s own zone among the choices', () => {
    const zones = timeZoneChoices('Europe/Amsterdam');
    expect(zones).toContain('Europe/Amsterdam');
    expect(zones).toEqual([...zones].sort());
  });
});
