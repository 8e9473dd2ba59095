import { ScoringRule, StandardInstrument, StandardInstrumentCode } from './instrument';

/** Severity cut-offs as published by the authors (Kroenke et al. 2001). */
const PHQ9_BANDS = [
  { name: 'minimal', min: 0, max: 4 },
  { name: 'mild', min: 5, max: 9 },
  { name: 'moderate', min: 10, max: 14 },
  { name: 'moderately severe', min: 15, max: 19 },
  { name: 'severe', min: 20, max: 27 },
] as const;

/** Severity cut-offs as published by the authors (Spitzer et al. 2006). */
const GAD7_BANDS = [
  { name: 'minimal', min: 0, max: 4 },
  { name: 'mild', min: 5, max: 9 },
  { name: 'moderate', min: 10, max: 14 },
  { name: 'severe', min: 15, max: 21 },
] as const;

export const STANDARD_INSTRUMENTS: readonly StandardInstrument[] = [
  {
    code: 'PHQ-9',
    name: 'Patient Health Questionnaire-9',
    kind: 'questionnaire',
    items: [
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself, or that you are a failure',
      'Trouble concentrating on things',
      'Moving or speaking slowly, or being fidgety or restless',
      'Thoughts that you would be better off dead, or of hurting yourself',
    ],
    itemMin: 0,
    itemMax: 3,
    scoreMin: 0,
    scoreMax: 27,
    direction: 'lower-is-better',
    bands: PHQ9_BANDS,
    meaningfulChange: 5,
    remissionBelow: 5,
  },
  {
    code: 'GAD-7',
    name: 'Generalized Anxiety Disorder-7',
    kind: 'questionnaire',
    items: [
      'Feeling nervous, anxious, or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid as if something awful might happen',
    ],
    itemMin: 0,
    itemMax: 3,
    scoreMin: 0,
    scoreMax: 21,
    direction: 'lower-is-better',
    bands: GAD7_BANDS,
    meaningfulChange: 4,
    remissionBelow: null,
  },
  {
    code: 'MYMOP2',
    name: 'Measure Yourself Medical Outcome Profile 2',
    kind: 'questionnaire',
    items: ['Symptom 1', 'Symptom 2', 'Activity', 'Wellbeing'],
    itemMin: 0,
    itemMax: 6,
    scoreMin: 0,
    scoreMax: 6,
    direction: 'lower-is-better',
    // MYMOP2 has no published severity bands: its profile score is read as change over time.
    bands: [],
    meaningfulChange: 1,
    remissionBelow: null,
  },
];

/** PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered above 0. */
export const SELF_HARM_FLAG = 'self-harm-risk';

/**
 * How each instrument turns answers into a score. A Record over every code, so adding an
 * instrument to the code union without saying how to score it fails to compile.
 */
export const SCORING_RULES: Readonly<Record<StandardInstrumentCode, ScoringRule>> = {
  // Item 9 asks about thoughts of self-harm: any answer above "not at all" needs follow-up,
  // even when the total is in a low band.
  'PHQ-9': { method: 'sum', itemFlags: [{ itemIndex: 8, above: 0, flag: SELF_HARM_FLAG }] },
  'GAD-7': { method: 'sum', itemFlags: [] },
  MYMOP2: { method: 'mean', itemFlags: [] },
};

/** The standard instrument with this code, or undefined for a code we do not know. */
export function findStandardInstrument(code: string): StandardInstrument | undefined {
  return STANDARD_INSTRUMENTS.find((instrument) => instrument.code === code);
}
