import { Discipline } from '@meridian/auth/access/role';
import type { FieldError } from '@meridian/core';
import { checkContent } from './note-content';

const MEASUREMENT_ID = '3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f0a93';

/**
 * Today on the UTC calendar, and a date still to come everywhere on Earth (the content rule
 * knows no time zone; the service holds dates to the clinic's own today).
 */
const today = () => new Date().toISOString().slice(0, 10);
const dayAfterTomorrow = () =>
  new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

function acupuncture(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    chiefComplaint: 'Tension headaches, three a week',
    tongue: { bodyColour: 'pale', coating: 'thin white' },
    pulse: { rate: 72, left: { cun: ['weak'] }, right: { chi: ['deep', 'weak'] } },
    patterns: ['Liver qi stagnation'],
    points: [
      { code: 'ST36', side: 'bilateral', retentionMinutes: 20 },
      { code: 'LI4', side: 'left', technique: 'even, de qi obtained' },
    ],
    adjuncts: ['moxibustion', 'cupping'],
    response: 'Relaxed, headache eased during treatment',
    ...overrides,
  };
}

function psychology(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'SOAP',
    sections: {
      subjective: 'Sleeping better, still anxious before meetings',
      objective: 'Calm, good eye contact',
      assessment: 'GAD improving',
      plan: 'Continue CBT, exposure homework',
    },
    riskLevel: 'low',
    linkedMeasurementIds: [MEASUREMENT_ID],
    ...overrides,
  };
}

function nutrition(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    phase: 'reintroduction',
    protocol: 'carnivore',
    adherencePercent: 90,
    symptoms: ['bloating'],
    weightKg: 72.4,
    challenges: [
      {
        food: 'dairy (yoghurt)',
        date: '2024-11-20',
        reaction: 'Bloating the next morning',
        severity: 'mild',
      },
    ],
    ...overrides,
  };
}

function training(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    exercises: [
      { name: 'Back squat', sets: 3, reps: 5, loadKg: 80, rpe: 8 },
      { name: 'Plank', sets: 3, reps: 1 },
    ],
    notes: 'Knee stable; progress load next week',
    ...overrides,
  };
}

function accepted(discipline: Discipline, raw: unknown): Record<string, unknown> {
  const checked = checkContent(discipline, raw);
  if (!checked.ok) throw new Error(`expected valid content, got ${JSON.stringify(checked.errors)}`);
  return checked.content;
}

function refused(discipline: Discipline, raw: unknown): FieldError[] {
  const checked = checkContent(discipline, raw);
  if (checked.ok) throw new Error(`expected errors, got ${JSON.stringify(checked.content)}`);
  return checked.errors;
}

function acceptedDraft(discipline: Discipline, raw: unknown): Record<string, unknown> {
  const checked = checkContent(discipline, raw, 'draft');
  if (!checked.ok) throw new Error(`expected a valid draft, got ${JSON.stringify(checked.errors)}`);
  return checked.content;
}

function refusedDraft(discipline: Discipline, raw: unknown): FieldError[] {
  const checked = checkContent(discipline, raw, 'draft');
  if (checked.ok) throw new Error(`expected errors, got ${JSON.stringify(checked.content)}`);
  return checked.errors;
}

/** The fields named by the errors, each once, in the order first named. */
const fieldsOf = (errors: FieldError[]) => [...new Set(errors.map((error) => error.field))];

describe('checkContent', () => {
  describe('accepts a valid note of each discipline', () => {
    it.each([
      [Discipline.Acupuncture, acupuncture()],
      [Discipline.Psychology, psychology()],
      [Discipline.Nutrition, nutrition()],
      [Discipline.Training, training()],
    ])('%s, unchanged', (discipline, raw) => {
      expect(accepted(discipline, raw)).toEqual(raw);
    });

    it('returns a plain object that does not share the input', () => {
      const raw = acupuncture();
      const content = accepted(Discipline.Acupuncture, raw);
      expect(content).not.toBe(raw);
      expect(Object.getPrototypeOf(content)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(content.tongue)).toBe(Object.prototype);
    });
  });

  describe('trims strings', () => {
    it('of an acupuncture note, nested ones too', () => {
      const content = accepted(
        Discipline.Acupuncture,
        acupuncture({
          chiefComplaint: '  Tension headaches \n',
          tongue: { coating: '  thin white ' },
          points: [{ code: 'ST36', side: 'left', technique: ' even ' }],
          response: '\tRelaxed  ',
        }),
      );
      expect(content).toMatchObject({
        chiefComplaint: 'Tension headaches',
        tongue: { coating: 'thin white' },
        points: [{ code: 'ST36', side: 'left', technique: 'even' }],
        response: 'Relaxed',
      });
    });

    it('of each entry of a list, and refuses an entry that was only blanks', () => {
      const checked = checkContent(Discipline.Nutrition, {
        ...nutrition(),
        symptoms: ['  bloating ', 'fatigue  '],
      });
      expect(checked).toMatchObject({ ok: true, content: { symptoms: ['bloating', 'fatigue'] } });
      expect(
        fieldsOf(refused(Discipline.Nutrition, { ...nutrition(), symptoms: ['bloating', '   '] })),
      ).toEqual(['content.symptoms']);
    });

    it('of a psychology note’s sections', () => {
      const content = accepted(
        Discipline.Psychology,
        psychology({
          format: 'DAP',
          sections: { data: ' Slept 6 hours ', assessment: '  Improving', plan: 'Continue  ' },
        }),
      );
      expect(content.sections).toEqual({
        data: 'Slept 6 hours',
        assessment: 'Improving',
        plan: 'Continue',
      });
    });

    it('of a nutrition challenge', () => {
      const content = accepted(
        Discipline.Nutrition,
        nutrition({
          challenges: [
            { food: ' eggs ', date: '2024-11-21', reaction: ' none  ', severity: 'none' },
          ],
        }),
      );
      expect(content.challenges).toEqual([
        { food: 'eggs', date: '2024-11-21', reaction: 'none', severity: 'none' },
      ]);
    });

    it('of a training note', () => {
      const content = accepted(
        Discipline.Training,
        training({ exercises: [{ name: '  Deadlift ', sets: 1, reps: 5 }], notes: ' Easy ' }),
      );
      expect(content).toEqual({
        exercises: [{ name: 'Deadlift', sets: 1, reps: 5 }],
        notes: 'Easy',
      });
    });

    it('and refuses a string that is only blanks', () => {
      expect(refused(Discipline.Training, training({ notes: '   ' }))).toEqual([
        { field: 'content.notes', message: 'notes must be longer than or equal to 1 characters' },
      ]);
    });
  });

  describe('refuses content that is not an object', () => {
    it.each([[null], [undefined], [[]], [[acupuncture()]], ['ST36 left'], [42], [true]])(
      '%p, with one error on content',
      (raw) => {
        expect(refused(Discipline.Acupuncture, raw)).toEqual([
          { field: 'content', message: 'must be an object: the content of the acupuncture note' },
        ]);
      },
    );

    it('naming the discipline it was sent as', () => {
      expect(refused(Discipline.Training, 'squats')).toEqual([
        { field: 'content', message: 'must be an object: the content of the training note' },
      ]);
    });
  });

  describe('refuses the content of another discipline', () => {
    it('acupuncture sent as training: exercises missing, each acupuncture field foreign', () => {
      const errors = refused(Discipline.Training, acupuncture());
      expect(fieldsOf(errors)).toEqual([
        'content.chiefComplaint',
        'content.tongue',
        'content.pulse',
        'content.patterns',
        'content.points',
        'content.adjuncts',
        'content.response',
        'content.exercises',
      ]);
      for (const field of Object.keys(acupuncture())) {
        expect(errors).toContainEqual({
          field: `content.${field}`,
          message: 'is not a known field',
        });
      }
      expect(errors).toContainEqual({
        field: 'content.exercises',
        message: 'exercises must be an array',
      });
    });

    it('training sent as acupuncture: chiefComplaint missing, exercises and notes foreign', () => {
      const errors = refused(Discipline.Acupuncture, training());
      expect(fieldsOf(errors)).toEqual([
        'content.exercises',
        'content.notes',
        'content.chiefComplaint',
      ]);
      expect(errors).toContainEqual({ field: 'content.notes', message: 'is not a known field' });
    });
  });

  describe('acupuncture', () => {
    const withRetention = (retentionMinutes: unknown) =>
      acupuncture({ points: [{ code: 'ST36', side: 'left', retentionMinutes }] });

    it.each([[1], [20], [120]])('accepts a retention of %p minutes', (minutes) => {
      expect(accepted(Discipline.Acupuncture, withRetention(minutes)).points).toEqual([
        { code: 'ST36', side: 'left', retentionMinutes: minutes },
      ]);
    });

    it.each([
      [-5, 'retentionMinutes must not be less than 1'],
      [0, 'retentionMinutes must not be less than 1'],
      [121, 'retentionMinutes must not be greater than 120'],
      [600, 'retentionMinutes must not be greater than 120'],
      [1.5, 'retentionMinutes must be an integer number'],
    ])('refuses a retention of %p minutes', (minutes, message) => {
      expect(refused(Discipline.Acupuncture, withRetention(minutes))).toEqual([
        { field: 'content.points[0].retentionMinutes', message },
      ]);
    });

    it('names the point the error is on', () => {
      const errors = refused(
        Discipline.Acupuncture,
        acupuncture({
          points: [
            { code: 'ST36', side: 'left' },
            { code: 'LI4', side: 'up' },
          ],
        }),
      );
      expect(errors).toEqual([
        { field: 'content.points[1].side', message: 'side must be one of left, right, bilateral' },
      ]);
    });

    it('refuses a pulse rate of 300', () => {
      expect(refused(Discipline.Acupuncture, acupuncture({ pulse: { rate: 300 } }))).toEqual([
        { field: 'content.pulse.rate', message: 'rate must not be greater than 250' },
      ]);
    });

    it('refuses an unknown adjunct', () => {
      expect(
        refused(Discipline.Acupuncture, acupuncture({ adjuncts: ['cupping', 'laser'] })),
      ).toEqual([
        {
          field: 'content.adjuncts',
          message:
            'each of adjuncts must be one of moxibustion, cupping, electro-acupuncture, gua-sha',
        },
      ]);
    });

    it('refuses an unknown field nested in the tongue', () => {
      expect(
        refused(
          Discipline.Acupuncture,
          acupuncture({ tongue: { coating: 'thin', smell: 'sour' } }),
        ),
      ).toEqual([{ field: 'content.tongue.smell', message: 'is not a known field' }]);
    });

    it('requires the chief complaint', () => {
      const withoutComplaint = acupuncture();
      delete withoutComplaint.chiefComplaint;
      expect(fieldsOf(refused(Discipline.Acupuncture, withoutComplaint))).toEqual([
        'content.chiefComplaint',
      ]);
    });
  });

  describe('psychology', () => {
    it('names each missing section of a SOAP note', () => {
      expect(
        refused(
          Discipline.Psychology,
          psychology({ sections: { subjective: 'Sleeping better', plan: 'Continue CBT' } }),
        ),
      ).toEqual([
        { field: 'content.sections.objective', message: 'is required in a SOAP note' },
        { field: 'content.sections.assessment', message: 'is required in a SOAP note' },
      ]);
    });

    it('refuses a note without its sections at all', () => {
      const withoutSections = psychology();
      delete withoutSections.sections;
      expect(fieldsOf(refused(Discipline.Psychology, withoutSections))).toEqual([
        'content.sections',
      ]);
    });

    it('names a section of no format once, as unknown', () => {
      expect(
        refused(
          Discipline.Psychology,
          psychology({
            sections: { ...(psychology().sections as object), mood: 'low' },
          }),
        ),
      ).toEqual([{ field: 'content.sections.mood', message: 'is not a known field' }]);
    });

    it('names all four sections of a SOAP note sent with none', () => {
      expect(fieldsOf(refused(Discipline.Psychology, psychology({ sections: {} })))).toEqual([
        'content.sections.subjective',
        'content.sections.objective',
        'content.sections.assessment',
        'content.sections.plan',
      ]);
    });

    it('names a SOAP-only section in a DAP note as foreign', () => {
      expect(
        refused(
          Discipline.Psychology,
          psychology({
            format: 'DAP',
            sections: {
              data: 'Slept 6 hours',
              assessment: 'Improving',
              plan: 'Continue',
              subjective: 'Feels better',
            },
          }),
        ),
      ).toEqual([
        {
          field: 'content.sections.subjective',
          message: 'is not a section of a DAP note (data, assessment, plan)',
        },
      ]);
    });

    it('accepts a BIRP note', () => {
      const sections = {
        behavior: 'Restless, avoided the topic of work',
        intervention: 'Motivational interviewing',
        response: 'Agreed to keep a sleep diary',
        plan: 'Review the diary next session',
      };
      expect(
        accepted(
          Discipline.Psychology,
          psychology({ format: 'BIRP', sections, riskLevel: 'none' }),
        ),
      ).toEqual({
        format: 'BIRP',
        sections,
        riskLevel: 'none',
        linkedMeasurementIds: [MEASUREMENT_ID],
      });
    });

    it('refuses a BIRP note missing its response and carrying an assessment', () => {
      expect(
        refused(
          Discipline.Psychology,
          psychology({
            format: 'BIRP',
            sections: {
              behavior: 'Restless',
              intervention: 'MI',
              assessment: 'Improving',
              plan: 'Review',
            },
          }),
        ),
      ).toEqual([
        { field: 'content.sections.response', message: 'is required in a BIRP note' },
        {
          field: 'content.sections.assessment',
          message: 'is not a section of a BIRP note (behavior, intervention, response, plan)',
        },
      ]);
    });

    it('refuses a format it does not know', () => {
      expect(refused(Discipline.Psychology, psychology({ format: 'GIRP' }))).toEqual([
        { field: 'content.format', message: 'format must be one of SOAP, DAP, BIRP' },
      ]);
    });

    it("refuses a riskLevel of 'extreme'", () => {
      expect(refused(Discipline.Psychology, psychology({ riskLevel: 'extreme' }))).toEqual([
        {
          field: 'content.riskLevel',
          message: 'riskLevel must be one of none, low, moderate, high',
        },
      ]);
    });

    it('refuses sections that are not an object', () => {
      expect(fieldsOf(refused(Discipline.Psychology, psychology({ sections: null })))).toEqual([
        'content.sections',
      ]);
    });

    it('refuses a linked measurement id that is not a uuid', () => {
      expect(
        refused(
          Discipline.Psychology,
          psychology({ linkedMeasurementIds: [MEASUREMENT_ID, 'phq9-march'] }),
        ),
      ).toEqual([
        {
          field: 'content.linkedMeasurementIds',
          message: 'each value in linkedMeasurementIds must be a UUID',
        },
      ]);
    });
  });

  describe('nutrition', () => {
    it.each([[0], [55.5], [100]])('accepts an adherence of %p percent', (adherencePercent) => {
      expect(accepted(Discipline.Nutrition, nutrition({ adherencePercent })).adherencePercent).toBe(
        adherencePercent,
      );
    });

    it.each([
      [150, 'adherencePercent must not be greater than 100'],
      [-1, 'adherencePercent must not be less than 0'],
    ])('refuses an adherence of %p percent', (adherencePercent, message) => {
      expect(refused(Discipline.Nutrition, nutrition({ adherencePercent }))).toEqual([
        { field: 'content.adherencePercent', message },
      ]);
    });

    it('accepts a weight with one decimal and refuses one with two', () => {
      expect(accepted(Discipline.Nutrition, nutrition({ weightKg: 72.4 })).weightKg).toBe(72.4);
      expect(refused(Discipline.Nutrition, nutrition({ weightKg: 72.45 }))).toEqual([
        {
          field: 'content.weightKg',
          message: 'weightKg must be a number conforming to the specified constraints',
        },
      ]);
    });

    it('accepts a food reintroduced today', () => {
      const challenge = { food: 'eggs', date: today(), reaction: 'none', severity: 'none' };
      expect(
        accepted(Discipline.Nutrition, nutrition({ challenges: [challenge] })).challenges,
      ).toEqual([challenge]);
    });

    it('refuses a food reintroduced on a day still to come', () => {
      const challenge = {
        food: 'eggs',
        date: dayAfterTomorrow(),
        reaction: 'none',
        severity: 'none',
      };
      expect(refused(Discipline.Nutrition, nutrition({ challenges: [challenge] }))).toEqual([
        {
          field: 'content.challenges[0].date',
          message: 'date must be a date (YYYY-MM-DD) between 1900-01-01 and today',
        },
      ]);
    });

    it('refuses a reaction severity it does not know', () => {
      const challenge = { food: 'eggs', date: '2024-11-21', reaction: 'hives', severity: 'awful' };
      expect(refused(Discipline.Nutrition, nutrition({ challenges: [challenge] }))).toEqual([
        {
          field: 'content.challenges[0].severity',
          message: 'severity must be one of none, mild, moderate, severe',
        },
      ]);
    });

    it('refuses a phase it does not know', () => {
      expect(refused(Discipline.Nutrition, nutrition({ phase: 'detox' }))).toEqual([
        {
          field: 'content.phase',
          message: 'phase must be one of elimination, reintroduction, maintenance, other',
        },
      ]);
    });
  });

  describe('training', () => {
    it('refuses a set of 0 reps', () => {
      expect(
        refused(
          Discipline.Training,
          training({ exercises: [{ name: 'Squat', sets: 3, reps: 0 }] }),
        ),
      ).toEqual([{ field: 'content.exercises[0].reps', message: 'reps must not be less than 1' }]);
    });

    it('refuses a session without exercises', () => {
      expect(refused(Discipline.Training, training({ exercises: [] }))).toEqual([
        { field: 'content.exercises', message: 'exercises must contain at least 1 elements' },
      ]);
    });

    it('refuses an exercise that is not an object', () => {
      expect(refused(Discipline.Training, training({ exercises: ['Squat 3x5'] }))).toEqual([
        {
          field: 'content.exercises[0]',
          message: 'each value in nested property exercises must be either object or array',
        },
      ]);
    });

    it('accepts a load with two decimals and refuses one with three', () => {
      const exercise = { name: 'Curl', sets: 3, reps: 10 };
      expect(
        accepted(Discipline.Training, training({ exercises: [{ ...exercise, loadKg: 12.25 }] })),
      ).toMatchObject({ exercises: [{ loadKg: 12.25 }] });
      expect(
        fieldsOf(
          refused(Discipline.Training, training({ exercises: [{ ...exercise, loadKg: 12.125 }] })),
        ),
      ).toEqual(['content.exercises[0].loadKg']);
    });
  });

  describe('as a draft, half-written', () => {
    it.each([
      [Discipline.Acupuncture, {}],
      [Discipline.Acupuncture, { tongue: { coating: 'thin white' } }],
      [Discipline.Acupuncture, { points: [{ code: 'ST36' }, { side: 'left' }] }],
      [Discipline.Psychology, { format: 'SOAP' }],
      [Discipline.Psychology, { format: 'DAP', sections: { data: 'Slept 6 hours' } }],
      [Discipline.Nutrition, { adherencePercent: 80 }],
      [Discipline.Nutrition, { challenges: [{ food: 'eggs' }] }],
      [Discipline.Training, { exercises: [] }],
      [Discipline.Training, { exercises: [{ name: 'Back squat' }] }],
    ])('accepts a %s draft with required fields left out: %j', (discipline, raw) => {
      expect(acceptedDraft(discipline, raw)).toEqual(raw);
    });

    it.each([
      [Discipline.Acupuncture, acupuncture()],
      [Discipline.Psychology, psychology()],
      [Discipline.Nutrition, nutrition()],
      [Discipline.Training, training()],
    ])('accepts a complete %s note as a draft too, unchanged', (discipline, raw) => {
      expect(acceptedDraft(discipline, raw)).toEqual(raw);
    });

    it('trims what it keeps', () => {
      expect(acceptedDraft(Discipline.Acupuncture, { chiefComplaint: '  Headache ' })).toEqual({
        chiefComplaint: 'Headache',
      });
    });

    it('refuses wrong types, enum values and ranges, naming each field', () => {
      expect(
        refusedDraft(Discipline.Acupuncture, {
          chiefComplaint: 42,
          pulse: { rate: 300 },
          points: [{ code: 'ST36', side: 'up', retentionMinutes: 0 }],
          adjuncts: ['laser'],
        }),
      ).toEqual([
        {
          field: 'content.chiefComplaint',
          message:
            'chiefComplaint must be longer than or equal to 1 and shorter than or equal to 2000 characters',
        },
        { field: 'content.chiefComplaint', message: 'chiefComplaint must be a string' },
        { field: 'content.pulse.rate', message: 'rate must not be greater than 250' },
        { field: 'content.points[0].side', message: 'side must be one of left, right, bilateral' },
        {
          field: 'content.points[0].retentionMinutes',
          message: 'retentionMinutes must not be less than 1',
        },
        {
          field: 'content.adjuncts',
          message:
            'each of adjuncts must be one of moxibustion, cupping, electro-acupuncture, gua-sha',
        },
      ]);
    });

    it('refuses fields of no schema, at any depth', () => {
      expect(
        fieldsOf(
          refusedDraft(Discipline.Nutrition, {
            mood: 'good',
            challenges: [{ food: 'eggs', smell: 'sulphur' }],
          }),
        ),
      ).toEqual(['content.mood', 'content.challenges[0].smell']);
      expect(fieldsOf(refusedDraft(Discipline.Training, acupuncture()))).toEqual([
        'content.chiefComplaint',
        'content.tongue',
        'content.pulse',
        'content.patterns',
        'content.points',
        'content.adjuncts',
        'content.response',
      ]);
    });

    it('refuses an empty string: a cleared field is left out', () => {
      expect(refusedDraft(Discipline.Acupuncture, { chiefComplaint: '  ' })).toEqual([
        {
          field: 'content.chiefComplaint',
          message: 'chiefComplaint must be longer than or equal to 1 characters',
        },
      ]);
    });

    it('still refuses a food reintroduced on a day still to come', () => {
      expect(
        fieldsOf(
          refusedDraft(Discipline.Nutrition, {
            challenges: [{ food: 'eggs', date: dayAfterTomorrow() }],
          }),
        ),
      ).toEqual(['content.challenges[0].date']);
    });

    it('needs a psychology draft’s format, which decides its sections', () => {
      expect(refusedDraft(Discipline.Psychology, { riskLevel: 'low' })).toEqual([
        {
          field: 'content.format',
          message: 'is required, in a draft too: it decides the note’s sections',
        },
      ]);
      expect(fieldsOf(refusedDraft(Discipline.Psychology, { format: 'GIRP' }))).toEqual([
        'content.format',
      ]);
    });

    it('refuses a section outside the psychology draft’s format, not the ones still missing', () => {
      expect(
        refusedDraft(Discipline.Psychology, {
          format: 'DAP',
          sections: { data: 'Slept 6 hours', subjective: 'Feels better' },
        }),
      ).toEqual([
        {
          field: 'content.sections.subjective',
          message: 'is not a section of a DAP note (data, assessment, plan)',
        },
      ]);
    });

    it('names every gap when the same content is checked as complete', () => {
      const half = { format: 'SOAP', sections: { subjective: 'Tired' } };
      expect(acceptedDraft(Discipline.Psychology, half)).toEqual(half);
      expect(fieldsOf(refused(Discipline.Psychology, half))).toEqual([
        'content.riskLevel',
        'content.sections.objective',
        'content.sections.assessment',
        'content.sections.plan',
      ]);
      expect(refused(Discipline.Training, { exercises: [] })).toEqual([
        { field: 'content.exercises', message: 'exercises must contain at least 1 elements' },
      ]);
      expect(fieldsOf(refused(Discipline.Acupuncture, { points: [{ code: 'ST36' }] }))).toEqual([
        'content.chiefComplaint',
        'content.points[0].side',
      ]);
    });
  });
});
