import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import {
  bandKey,
  bandLabel,
  bandSeverity,
  changeSince,
  flagLabel,
  formatScore,
  signedScore,
  targetText,
} from './display';
import { GAD7, MYMOP2, PHQ9, WEIGHT } from './test-fixtures';

describe('bands', () => {
  it('are named in the user’s language, the API’s two-word band too', async () => {
    await i18n.changeLanguage('nl');
    expect(bandKey('moderately severe')).toBe('moderatelySevere');
    expect(bandLabel('moderately severe', i18n.t)).toBe('Matig ernstig');
    expect(bandLabel('minimal', i18n.t)).toBe('Minimaal');
    await i18n.changeLanguage('en');
    expect(bandLabel('moderately severe', i18n.t)).toBe('Moderately severe');
  });

  it('keep a band the app has no words for as the API names it', async () => {
    await i18n.changeLanguage('en');
    expect(bandLabel('subclinical', i18n.t)).toBe('subclinical');
  });

  it('run from calm to alarming alike on PHQ-9’s five bands and GAD-7’s four', () => {
    expect(PHQ9.bands.map((band) => bandSeverity(PHQ9, band.name))).toEqual([
      'low',
      'middle',
      'high',
      'high',
      'highest',
    ]);
    expect(GAD7.bands.map((band) => bandSeverity(GAD7, band.name))).toEqual([
      'low',
      'middle',
      'high',
      'highest',
    ]);
    expect(bandSeverity(MYMOP2, 'mild')).toBe('none');
  });
});

describe('flags', () => {
  it('say the self-harm flag in words, in both languages', async () => {
    await i18n.changeLanguage('nl');
    expect(flagLabel('self-harm-risk', i18n.t)).toBe('Risico op zelfbeschadiging (vraag 9)');
    await i18n.changeLanguage('en');
    expect(flagLabel('self-harm-risk', i18n.t)).toBe('Risk of self-harm (item 9)');
    expect(flagLabel('something-new', i18n.t)).toBe('something-new');
  });
});

describe('scores', () => {
  it('are written as the language writes numbers, with a scale’s unit', () => {
    expect(formatScore(2.25, MYMOP2, 'nl')).toBe('2,25');
    expect(formatScore(2.25, MYMOP2, 'en')).toBe('2.25');
    expect(formatScore(72.4, WEIGHT, 'nl')).toBe('72,4 kg');
    expect(formatScore(14, PHQ9, 'nl')).toBe('14');
  });

  it('change for the better by the instrument’s direction', () => {
    expect(changeSince(9, 14, 'lower-is-better')).toEqual({ delta: -5, trend: 'better' });
    expect(changeSince(14, 9, 'lower-is-better')).toEqual({ delta: 5, trend: 'worse' });
    expect(changeSince(105, 100, 'higher-is-better')).toEqual({ delta: 5, trend: 'better' });
    expect(changeSince(1.33, 1.33, 'lower-is-better')).toEqual({ delta: 0, trend: 'same' });
    // Means to two decimals: 1.33 − 2.33 is −1, not −0.9999999.
    expect(changeSince(1.33, 2.33, 'lower-is-better').delta).toBe(-1);
    expect(signedScore(-5, PHQ9, 'nl')).toBe('−5');
    expect(signedScore(1.5, WEIGHT, 'nl')).toBe('+1,5 kg');
  });

  it('targets read as how far the goal wants the score', () => {
    expect(targetText(4, 'lower-is-better', PHQ9, 'nl')).toBe('≤ 4');
    expect(targetText(120, 'higher-is-better', WEIGHT, 'en')).toBe('≥ 120 kg');
  });
});
