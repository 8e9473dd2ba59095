import type { Instrument, Measurement, Phase } from './types';

/** The catalog as the API answers it, for tests. */
export const PHQ9: Instrument = {
  code: 'PHQ-9',
  name: 'Patient Health Questionnaire-9',
  kind: 'questionnaire',
  items: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
  itemMin: 0,
  itemMax: 3,
  scoreMin: 0,
  scoreMax: 27,
  direction: 'lower-is-better',
  bands: [
    { name: 'minimal', min: 0, max: 4 },
    { name: 'mild', min: 5, max: 9 },
    { name: 'moderate', min: 10, max: 14 },
    { name: 'moderately severe', min: 15, max: 19 },
    { name: 'severe', min: 20, max: 27 },
  ],
  meaningfulChange: 5,
  remissionBelow: 5,
};

export const GAD7: Instrument = {
  ...PHQ9,
  code: 'GAD-7',
  name: 'Generalized Anxiety Disorder-7',
  items: ['1', '2', '3', '4', '5', '6', '7'],
  scoreMax: 21,
  bands: [
    { name: 'minimal', min: 0, max: 4 },
    { name: 'mild', min: 5, max: 9 },
    { name: 'moderate', min: 10, max: 14 },
    { name: 'severe', min: 15, max: 21 },
  ],
  meaningfulChange: 4,
  remissionBelow: null,
};

export const MYMOP2: Instrument = {
  code: 'MYMOP2',
  name: 'Measure Yourself Medical Outcome Profile 2',
  kind: 'questionnaire',
  items: ['Symptom 1', 'Symptom 2', 'Activity', 'Wellbeing'],
  itemMin: 0,
  itemMax: 6,
  scoreMin: 0,
  scoreMax: 6,
  direction: 'lower-is-better',
  bands: [],
  meaningfulChange: 1,
  remissionBelow: null,
};

export const WEIGHT: Instrument = {
  code: 'WEIGHT',
  name: 'Gewicht',
  kind: 'scale',
  unit: 'kg',
  scoreMin: 30,
  scoreMax: 250,
  direction: 'lower-is-better',
  bands: [],
  meaningfulChange: null,
  remissionBelow: null,
};

export const ONE_REP_MAX: Instrument = {
  ...WEIGHT,
  code: 'SQUAT-1RM',
  name: 'Squat 1RM',
  scoreMin: 0,
  scoreMax: 400,
  direction: 'higher-is-better',
};

export const CATALOG = [PHQ9, GAD7, MYMOP2, WEIGHT, ONE_REP_MAX];

let counter = 0;

/** A measurement as the API lists it. */
export function measurement(
  instrument: string,
  takenOn: string,
  score: number,
  extra: Partial<Measurement> = {},
): Measurement {
  counter += 1;
  return {
    id: `0193dddd-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    clientId: '0193bbbb-0000-7000-8000-000000000001',
    instrument,
    answers: null,
    value: null,
    score,
    band: null,
    flags: [],
    takenOn,
    treatmentPlanId: null,
    recordedBy: '0193aaaa-0000-7000-8000-000000000002',
    createdAt: `${takenOn}T10:00:00.000Z`,
    ...extra,
  };
}

export function phase(kind: Phase['kind'], startsOn: string, endsOn: string): Phase {
  return {
    id: `phase-${kind}-${startsOn}`,
    kind,
    dietProtocol: kind === 'elimination' ? 'carnivore' : null,
    startsOn,
    endsOn,
    exitCriteria: null,
  };
}
