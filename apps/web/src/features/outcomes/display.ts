import type { TFunction } from 'i18next';
import { LOCALE_OF, type Language } from '../../i18n';
import { SELF_HARM_FLAG, type Instrument } from './types';

/** Built-in questionnaires' keys under `outcomes:instruments`. */
const QUESTIONNAIRE_KEY: Record<string, string> = {
  'PHQ-9': 'phq9',
  'GAD-7': 'gad7',
  MYMOP2: 'mymop2',
};

/** An instrument as a practitioner names it: the questionnaire's code, or the clinic's name for its scale. */
export function instrumentName(instrument: Pick<Instrument, 'code' | 'name' | 'kind'>): string {
  return instrument.kind === 'questionnaire' ? instrument.code : instrument.name;
}

/** What it measures, in a few words ("Depressive symptoms", "kg"). */
export function instrumentSubject(instrument: Instrument, t: TFunction): string {
  const key = QUESTIONNAIRE_KEY[instrument.code];
  if (key) return t(`outcomes:instruments.${key}`);
  return instrument.unit ?? '';
}

/** `moderately severe` → `moderatelySevere`, the band's key under `outcomes:bands`. */
export function bandKey(band: string): string {
  return band.replace(/[ -](\w)/g, (_, letter: string) => letter.toUpperCase());
}

/** A band's name in the user's language; a band we hold no words for as the API names it. */
export function bandLabel(band: string, t: TFunction): string {
  return t(`outcomes:bands.${bandKey(band)}`, { defaultValue: band });
}

export type Severity = 'none' | 'low' | 'middle' | 'high' | 'highest';

/**
 * Where a band lies between the instrument's lowest and highest, so that bands read alike
 * across instruments: PHQ-9's five and GAD-7's four map onto the same colours, the mildest
 * calm and the most severe the strongest. Unknown bands get no colour of their own.
 */
export function bandSeverity(instrument: Pick<Instrument, 'bands'>, band: string): Severity {
  const index = instrument.bands.findIndex((candidate) => candidate.name === band);
  const count = instrument.bands.length;
  if (index < 0 || count === 0) return 'none';
  if (index === 0) return 'low';
  if (index === count - 1) return 'highest';
  return index / (count - 1) < 0.5 ? 'middle' : 'high';
}

/** Words for a flag the server raised; a flag we hold no words for as the API names it. */
export function flagLabel(flag: string, t: TFunction): string {
  return t(`outcomes:flags.${flag === SELF_HARM_FLAG ? 'selfHarmRisk' : flag}`, {
    defaultValue: flag,
  });
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

/**
 * A score as the user's language writes numbers (MYMOP2's mean `2,25` in Dutch), with a
 * scale's unit. Scores are the server's, shown as given: never rounded into another band.
 */
export function formatScore(
  score: number,
  instrument: Pick<Instrument, 'kind' | 'unit'> | undefined,
  language: Language,
): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_OF[language], { maximumFractionDigits: 2 });
    numberFormats.set(language, format);
  }
  const number = format.format(score);
  return instrument?.kind === 'scale' && instrument.unit ? `${number} ${instrument.unit}` : number;
}

/** `≤ 4` for a goal to get down to, `≥ 120` for one to get up to. */
export function targetText(
  target: number,
  direction: 'lower-is-better' | 'higher-is-better',
  instrument: Pick<Instrument, 'kind' | 'unit'> | undefined,
  language: Language,
): string {
  return `${direction === 'lower-is-better' ? '≤' : '≥'} ${formatScore(target, instrument, language)}`;
}

export type Trend = 'better' | 'worse' | 'same';

/**
 * How a score moved since the one before, and whether that is better for the client, by the
 * instrument's direction (a lower PHQ-9 is better, a higher one-rep max is).
 */
export function changeSince(
  score: number,
  previous: number,
  direction: 'lower-is-better' | 'higher-is-better',
): { delta: number; trend: Trend } {
  const delta = Math.round((score - previous) * 100) / 100;
  if (delta === 0) return { delta, trend: 'same' };
  const improved = direction === 'lower-is-better' ? delta < 0 : delta > 0;
  return { delta, trend: improved ? 'better' : 'worse' };
}

/** A signed change as the user's language writes numbers, with a real minus sign: `−3`, `+1,5`. */
export function signedScore(
  delta: number,
  instrument: Pick<Instrument, 'kind' | 'unit'> | undefined,
  language: Language,
): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${formatScore(Math.abs(delta), instrument, language)}`;
}
