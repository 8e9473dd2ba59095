import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Common observations offered while typing, by key; their words are in the `acupuncture`
 * strings (`suggestions.<group>.<key>`) in the user's language. The note stores the words
 * picked or typed, not the key: a practitioner's own description is as valid as a suggestion.
 */
export const SUGGESTIONS = {
  tongueColour: ['pale', 'paleRed', 'red', 'darkRed', 'purple', 'bluish'],
  tongueCoating: [
    'thinWhite',
    'thickWhite',
    'thinYellow',
    'thickYellow',
    'greasy',
    'peeled',
    'none',
  ],
  tongueShape: ['swollen', 'teethMarks', 'cracked', 'thin', 'stiff', 'trembling', 'deviated'],
  pulseQuality: [
    'floating',
    'deep',
    'slow',
    'rapid',
    'slippery',
    'wiry',
    'choppy',
    'thready',
    'weak',
    'tight',
    'full',
    'empty',
    'surging',
  ],
  pattern: [
    'liverQiStagnation',
    'liverYangRising',
    'spleenQiDeficiency',
    'kidneyYangDeficiency',
    'kidneyYinDeficiency',
    'lungQiDeficiency',
    'heartBloodDeficiency',
    'bloodDeficiency',
    'bloodStasis',
    'dampHeat',
    'phlegmDamp',
    'windCold',
  ],
  technique: ['even', 'tonifying', 'reducing', 'deQi', 'noManipulation'],
} as const;

export type SuggestionGroup = keyof typeof SUGGESTIONS;

/** The suggestions of a group in the user's language. */
export function useSuggestions(group: SuggestionGroup): string[] {
  const { t, i18n } = useTranslation('acupuncture');
  return useMemo(
    () => SUGGESTIONS[group].map((key) => t(`suggestions.${group}.${key}`)),
    // The words change with the language.
    [group, t, i18n.language],
  );
}
