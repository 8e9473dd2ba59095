import { addDays, daysBetween } from '@meridian/core';
import type { DietProtocol } from '@meridian/treatment-plans/plan-content';
import type { ProfileKey } from '../demo-profiles';
import { NoteContext, stageOf } from './note-context';

/** Foods brought back one at a time after each elimination diet, in the usual order. */
const REINTRODUCTION: Record<DietProtocol, readonly string[]> = {
  carnivore: [
    'eieren',
    'boter en ghee',
    'witte rijst',
    'zoete aardappel',
    'blauwe bessen',
    'courgette en komkommer',
    'tomaat en paprika (nachtschades)',
    'yoghurt (zuivel)',
    'amandelen',
    'speltbrood (gluten)',
  ],
  ketogenic: [
    'zoete aardappel',
    'havermout',
    'appel en peer',
    'linzen',
    'volkoren pasta',
    'banaan',
    'volkorenbrood',
  ],
  aip: ['eidooier', 'ghee', 'zaden', 'peulvruchten', 'eiwit van ei', 'noten'],
  other: ['zuivel', 'gluten'],
};
/** Foods that, in the demo as in practice, sometimes bring the complaints back. */
const TRIGGERS = /gluten|nachtschades|zuivel|volkorenbrood|linzen/;

const SYMPTOMS: Partial<Record<ProfileKey, [string[], string[], string[]]>> = {
  gut: [
    ['opgeblazen buik', 'wisselende ontlasting', 'gewrichtspijn', 'vermoeidheid na het eten'],
    ['af en toe opgeblazen', 'ochtendstijfheid korter'],
    ['geen buikklachten'],
  ],
  metabolic: [
    ['energiedip na de lunch', 'trek in zoet', 'slecht slapen'],
    ['lichte hoofdpijn in de eerste week (keto-griep), nu weg', 'minder trek in zoet'],
    ['stabiele energie'],
  ],
  burnout: [
    ['energiedip na de lunch', 'onregelmatig eten', 'veel koffie'],
    ['energie stabieler'],
    ['eet regelmatig'],
  ],
};

/**
 * A nutrition note as the API takes it: where the client is in the plan's diet (phase and
 * protocol from the plan), adherence, symptoms easing over time, weight, and during
 * reintroduction the foods tested since the previous session with how they went.
 */
export function nutritionContent(context: NoteContext): Record<string, unknown> {
  const { random, session, phase } = context;
  const story = session.story;
  const stage = stageOf(context);
  const symptoms = (SYMPTOMS[story.profile.key] ?? SYMPTOMS.burnout!)[stage];
  // Weight comes down about 0.4 kg a week on the diet plans, slower without a diet.
  const weeks = context.index * 2.5;
  const loss = Math.min(weeks * (story.plans[0]?.diet ? 0.4 : 0.15), 12);
  const weightKg = Math.round((story.startWeightKg - loss + random.float(-0.4, 0.4, 1)) * 10) / 10;
  const content: Record<string, unknown> = {
    phase: phase?.kind ?? 'other',
    ...(phase?.dietProtocol ? { protocol: phase.dietProtocol } : {}),
    ...(context.index > 0 ? { adherencePercent: random.int(stage === 0 ? 70 : 82, 100) } : {}),
    symptoms,
    weightKg,
  };
  if (phase?.kind === 'reintroduction' && phase.dietProtocol) {
    content.challenges = challenges(context, phase.dietProtocol, phase.startsOn);
  }
  return content;
}

/** The foods tested since the previous session, each on its own day, none after today's. */
function challenges(context: NoteContext, diet: DietProtocol, phaseStart: string) {
  const { random, session, previousDate } = context;
  const date = session.visit.date;
  const since = previousDate && previousDate >= phaseStart ? previousDate : addDays(phaseStart, -1);
  const foods = REINTRODUCTION[diet];
  // Three or four days per food: the days since the phase began say how far the list is.
  const done = Math.floor(daysBetween(phaseStart, since) / 4);
  const now = Math.min(foods.length, Math.floor(daysBetween(phaseStart, date) / 4));
  return foods.slice(done, Math.max(done + 1, now)).map((food, index) => {
    const reacted = TRIGGERS.test(food) && random.chance(0.6);
    const severity = reacted ? random.pick(['mild', 'moderate'] as const) : 'none';
    return {
      food,
      date: addDays(since, Math.min(daysBetween(since, date) - 1, 1 + index * 4)),
      reaction: reacted
        ? random.pick([
            'Opgeblazen buik de volgende ochtend, twee dagen gewrichtspijn.',
            'Hoofdpijn en moe binnen een paar uur.',
            'Buikkramp en dunnere ontlasting, na een dag over.',
          ])
        : 'Geen reactie.',
      severity,
    };
  });
}
