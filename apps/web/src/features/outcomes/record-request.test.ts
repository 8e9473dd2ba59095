import { describe, expect, it } from 'vitest';
import { MYMOP2, PHQ9, WEIGHT } from './test-fixtures';
import {
  answersOf,
  formFieldOf,
  recordProblems,
  recordRequest,
  type RecordValues,
} from './record-request';

const TODAY = '2026-11-20';
const values = (changes: Partial<RecordValues> = {}): RecordValues => ({
  instrument: 'PHQ-9',
  takenOn: TODAY,
  answers: {},
  value: '',
  linkPlan: true,
  ...changes,
});

describe('answers to the request', () => {
  it('sends a PHQ-9 item by item in item order, never a score', () => {
    const answers = { 'PHQ-9': [1, 2, 1, 0, 2, 1, 0, 1, 2] };
    expect(recordProblems(values({ answers }), PHQ9, TODAY)).toEqual({});
    const body = recordRequest(values({ answers }), PHQ9, 'plan-1');
    expect(body).toEqual({
      instrument: 'PHQ-9',
      takenOn: TODAY,
      answers: [1, 2, 1, 0, 2, 1, 0, 1, 2],
      treatmentPlanId: 'plan-1',
    });
    expect(body).not.toHaveProperty('score');
    expect(body).not.toHaveProperty('value');
  });

  it('sends MYMOP2’s four answers from 0 to 6', () => {
    const body = recordRequest(
      values({ instrument: 'MYMOP2', answers: { MYMOP2: [6, 0, 3, 2] } }),
      MYMOP2,
      null,
    );
    expect(body).toEqual({ instrument: 'MYMOP2', takenOn: TODAY, answers: [6, 0, 3, 2] });
  });

  it('sends a scale’s value as a number, a Dutch decimal comma too', () => {
    expect(recordRequest(values({ instrument: 'WEIGHT', value: '72,4' }), WEIGHT, null)).toEqual({
      instrument: 'WEIGHT',
      takenOn: TODAY,
      value: 72.4,
    });
    expect(recordRequest(values({ instrument: 'WEIGHT', value: 81 }), WEIGHT, null).value).toBe(81);
  });

  it('links the plan only when it is ticked', () => {
    const answers = { 'PHQ-9': [0, 0, 0, 0, 0, 0, 0, 0, 0] };
    expect(recordRequest(values({ answers, linkPlan: false }), PHQ9, 'plan-1')).not.toHaveProperty(
      'treatmentPlanId',
    );
  });

  it('keeps each instrument’s answers apart: switching instruments loses nothing', () => {
    const answers = { 'PHQ-9': [3, 3], MYMOP2: [1, 2, 3, 4] };
    expect(answersOf(values({ answers }), PHQ9)).toEqual([
      3,
      3,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(answersOf(values({ answers }), MYMOP2)).toEqual([1, 2, 3, 4]);
  });
});

describe('what stops a save', () => {
  it('names every unanswered item at its own field', () => {
    const answers = { 'PHQ-9': [1, 2, 1, 0, 2, 1, 0, 1, null] };
    expect(recordProblems(values({ answers }), PHQ9, TODAY)).toEqual({ 'answers.8': 'unanswered' });
    expect(Object.keys(recordProblems(values(), PHQ9, TODAY))).toHaveLength(9);
  });

  it('wants an instrument, a value in the scale’s range, and a day not after the clinic’s today', () => {
    expect(recordProblems(values({ instrument: '' }), undefined, TODAY)).toEqual({
      instrument: 'instrument',
    });
    expect(recordProblems(values({ instrument: 'WEIGHT' }), WEIGHT, TODAY)).toEqual({
      value: 'valueMissing',
    });
    expect(recordProblems(values({ instrument: 'WEIGHT', value: 12 }), WEIGHT, TODAY)).toEqual({
      value: 'valueRange',
    });
    expect(
      recordProblems(
        values({ instrument: 'WEIGHT', value: 80, takenOn: '2026-11-21' }),
        WEIGHT,
        TODAY,
      ),
    ).toEqual({ takenOn: 'dateFuture' });
    expect(
      recordProblems(values({ instrument: 'WEIGHT', value: 80, takenOn: '' }), WEIGHT, TODAY),
    ).toEqual({
      takenOn: 'dateMissing',
    });
  });
});

describe('the API’s field errors', () => {
  it('land at the form’s fields: an item, the value, the date, the plan box', () => {
    expect(formFieldOf('answers.8')).toBe('answers.8');
    expect(formFieldOf('answers')).toBe('answers');
    expect(formFieldOf('value')).toBe('value');
    expect(formFieldOf('takenOn')).toBe('takenOn');
    expect(formFieldOf('treatmentPlanId')).toBe('linkPlan');
    expect(formFieldOf('score')).toBeNull();
  });
});
