import { REACTION_SEVERITIES } from '@meridian/session-notes/content/nutrition.content';
import type { Phase } from '@meridian/treatment-plans/plan-content';
import type { Random } from '../random';
import { ScaleClock } from '../scale-clock';
import { CHALLENGE_FOODS, NUTRITION_SYMPTOMS, REACTIONS } from '../vocabulary/nutrition-texts';
import type { NoteSubject } from './note-content';

const SEVERITIES: readonly (readonly [(typeof REACTION_SEVERITIES)[number], number])[] = [
  ['none', 0.45],
  ['mild', 0.3],
  ['moderate', 0.18],
  ['severe', 0.07],
];

/** Without a plan phase on the day, the coach notes a phase of their own. */
const LOOSE_PHASES: readonly (readonly [Phase['kind'], Phase['dietProtocol']])[] = [
  ['elimination', 'aip'],
  ['elimination', 'ketogenic'],
  ['reintroduction', 'carnivore'],
  ['maintenance', null],
];

/**
 * A nutrition session: the plan's phase and protocol on the day, adherence, symptoms, a
 * weight going slowly down, and in reintroduction the foods tried since last time.
 */
export function nutritionContent(subject: NoteSubject, random: Random): Record<string, unknown> {
  const [phase, protocol] = subject.phase
    ? [subject.phase.kind, subject.phase.dietProtocol]
    : random.pick(LOOSE_PHASES);
  const content: Record<string, unknown> = { phase };
  if (protocol !== null) content.protocol = protocol;
  content.adherencePercent = random.int(55, 100);
  const symptoms = random.sample(NUTRITION_SYMPTOMS, random.int(0, 3));
  if (symptoms.length > 0) content.symptoms = symptoms;
  const lost = Math.min(8, subject.weeksInCare * 0.12);
  content.weightKg =
    Math.round((subject.traits.weightKg - lost + random.between(-0.6, 0.6)) * 10) / 10;
  if (phase === 'reintroduction') {
    content.challenges = random.sample(CHALLENGE_FOODS, random.int(1, 2)).map((food) => {
      const severity = random.weighted(SEVERITIES);
      return {
        food,
        date: ScaleClock.dateOf(subject.day - random.int(1, 6)),
        reaction: random.pick(REACTIONS[severity]),
        severity,
      };
    });
  }
  return content;
}
