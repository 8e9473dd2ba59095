import { findPoint } from '@meridian/session-notes/acupuncture/point-catalog';

/**
 * What an acupuncturist sees and does for the complaints clients bring: the TCM patterns that
 * go with each complaint and the points commonly needled for it. A client keeps the same
 * complaint over their sessions, so their notes read as one course of treatment.
 */
export interface AcupunctureCase {
  complaint: string;
  patterns: readonly string[];
  points: readonly string[];
}

export const ACUPUNCTURE_CASES: readonly AcupunctureCase[] = [
  {
    complaint: 'Tension headaches, three a week',
    patterns: ['Liver qi stagnation', 'Liver yang rising'],
    points: ['LI4', 'LR3', 'GB20', 'GB21', 'EX-HN5', 'GV20', 'TE5'],
  },
  {
    complaint: 'Low back pain after lifting, worse in the morning',
    patterns: ['Qi and blood stagnation', 'Kidney deficiency'],
    points: ['BL23', 'BL25', 'BL40', 'GV4', 'KI3', 'GB30', 'BL57'],
  },
  {
    complaint: 'Difficulty falling asleep, waking at 3 am',
    patterns: ['Heart and spleen deficiency', 'Liver fire'],
    points: ['HT7', 'PC6', 'SP6', 'EX-HN3', 'KI6', 'BL62', 'GV20'],
  },
  {
    complaint: 'Bloating and loose stools after meals',
    patterns: ['Spleen qi deficiency', 'Damp accumulation'],
    points: ['ST36', 'SP6', 'SP9', 'CV12', 'ST25', 'BL20', 'BL21'],
  },
  {
    complaint: 'Fatigue, low energy in the afternoon',
    patterns: ['Spleen qi deficiency', 'Kidney yang deficiency'],
    points: ['ST36', 'CV6', 'CV4', 'SP6', 'KI3', 'BL20', 'BL23'],
  },
  {
    complaint: 'Neck and shoulder stiffness from desk work',
    patterns: ['Qi and blood stagnation', 'Wind-cold invasion'],
    points: ['GB20', 'GB21', 'SI3', 'BL10', 'TE5', 'LI4', 'EX-B2'],
  },
  {
    complaint: 'Irregular, painful periods',
    patterns: ['Liver qi stagnation', 'Blood stasis'],
    points: ['SP6', 'SP10', 'LR3', 'CV4', 'ST29', 'SP8', 'LI4'],
  },
  {
    complaint: 'Anxiety with palpitations',
    patterns: ['Heart yin deficiency', 'Liver qi stagnation'],
    points: ['PC6', 'HT7', 'EX-HN3', 'LR3', 'KI3', 'CV17', 'GV20'],
  },
  {
    complaint: 'Knee pain when climbing stairs',
    patterns: ['Kidney deficiency', 'Damp-heat obstruction'],
    points: ['ST35', 'EX-LE4', 'ST36', 'GB34', 'SP9', 'BL40', 'KI10'],
  },
  {
    complaint: 'Hay fever with sneezing and itchy eyes',
    patterns: ['Lung qi deficiency', 'Wind-heat invasion'],
    points: ['LI20', 'LI4', 'LI11', 'EX-HN3', 'LU7', 'ST36', 'GV23'],
  },
  {
    complaint: 'Nausea and reflux in the evening',
    patterns: ['Stomach qi rebellion', 'Liver qi invading the stomach'],
    points: ['PC6', 'CV12', 'ST36', 'ST44', 'LR3', 'SP4', 'CV13'],
  },
  {
    complaint: 'Hot flushes and night sweats',
    patterns: ['Kidney yin deficiency', 'Empty heat'],
    points: ['KI3', 'KI6', 'SP6', 'HT6', 'LU7', 'LI11', 'CV4'],
  },
];

export const TONGUE_COLOURS = [
  'pale',
  'pale red',
  'red',
  'red tip',
  'dusky',
  'purple spots',
] as const;
export const TONGUE_COATINGS = [
  'thin white',
  'thick white',
  'thin yellow',
  'greasy yellow',
  'peeled',
] as const;
export const TONGUE_SHAPES = [
  'normal',
  'swollen, teeth marks',
  'thin',
  'cracked centre',
  'stiff',
] as const;
export const PULSE_QUALITIES = [
  'wiry',
  'weak',
  'slippery',
  'deep',
  'thready',
  'rapid',
  'slow',
  'choppy',
  'floating',
] as const;
export const TECHNIQUES = ['even, de qi obtained', 'tonifying', 'reducing', 'even'] as const;

export const RESPONSES = [
  'Relaxed during treatment, slept through the session',
  'Pain eased during treatment',
  'Reports improvement since last session',
  'Little change since last session',
  'Felt lighter and calmer afterwards',
  'Symptoms reduced by about half',
] as const;

export const ADVERSE_EVENTS = [
  'Small haematoma at LI4 left',
  'Brief light-headedness after needle removal, resolved with rest',
  'Mild soreness at GB21 for a day',
] as const;

/** Every code above must be a WHO point: a typo would make every note it lands in invalid. */
for (const code of ACUPUNCTURE_CASES.flatMap((entry) => entry.points)) {
  if (findPoint(code)?.code !== code)
    throw new Error(`${code} is not a WHO acupuncture point code`);
}
