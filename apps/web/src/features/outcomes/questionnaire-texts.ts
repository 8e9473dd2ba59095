import type { TFunction } from 'i18next';
import type { Instrument } from './types';

/** Where each built-in questionnaire's published wording lives in `outcomes:questionnaires`. */
const TEXT_KEY: Record<string, 'phq9' | 'gad7' | 'mymop2'> = {
  'PHQ-9': 'phq9',
  'GAD-7': 'gad7',
  MYMOP2: 'mymop2',
};

export interface QuestionnaireTexts {
  /** The question every item answers ("Over the last 2 weeks, how often…"), if the form has one. */
  stem: string | null;
  /** Each item's question, in answer order. */
  items: string[];
  /** The answers an item takes, lowest first, each with its words. */
  options: { value: number; label: string }[];
  /**
   * A numbered scale (MYMOP2's 0–6) names only its ends: the words shown under the first and
   * last answer.
   */
  ends: [string, string] | null;
}

/** Every whole answer from the instrument's lowest to its highest. */
export function answerValues(instrument: Pick<Instrument, 'itemMin' | 'itemMax'>): number[] {
  const min = instrument.itemMin ?? 0;
  const max = instrument.itemMax ?? 0;
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, index) => min + index);
}

/**
 * A questionnaire's items and answers in the user's language, in the standard published
 * wording of PHQ-9, GAD-7 (Pfizer's Dutch versions) and MYMOP2. A questionnaire we hold no
 * translation of still works: its items as the API names them, its answers as numbers.
 */
export function questionnaireTexts(instrument: Instrument, t: TFunction): QuestionnaireTexts {
  const key = TEXT_KEY[instrument.code];
  const values = answerValues(instrument);
  const count = instrument.items?.length ?? 0;
  if (!key) {
    return {
      stem: null,
      items: [...(instrument.items ?? [])],
      options: values.map((value) => ({ value, label: String(value) })),
      ends: null,
    };
  }
  const items = Array.from({ length: count }, (_, index) =>
    t(`outcomes:questionnaires.${key}.items.${index + 1}`),
  );
  if (key === 'mymop2') {
    return {
      stem: t('outcomes:questionnaires.mymop2.stem'),
      items,
      options: values.map((value) => ({ value, label: String(value) })),
      ends: [t('outcomes:answers.mymop.best'), t('outcomes:answers.mymop.worst')],
    };
  }
  return {
    stem: t(`outcomes:questionnaires.${key}.stem`),
    items,
    options: values.map((value) => ({ value, label: t(`outcomes:answers.frequency.${value}`) })),
    ends: null,
  };
}
