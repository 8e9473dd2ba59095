import { addDays } from '@meridian/core';
import type { DietProtocol, Phase, PhaseKind } from '@meridian/treatment-plans/plan-content';
import type { ClinicalProfile } from './demo-profiles';

/** Six weeks without the foods, six weeks bringing them back one by one, then twelve weeks to hold. */
const ELIMINATION_DAYS = 42;
const REINTRODUCTION_DAYS = 42;
const MAINTENANCE_DAYS = 84;
/** Plans without a diet have two stages of six and ten weeks. */
const STAGE_DAYS = [42, 70];

const ELIMINATION_EXIT: Record<DietProtocol, string> = {
  carnivore: 'Twee weken zonder buikklachten en gewrichtspijn; ontlasting normaal.',
  ketogenic: 'Stabiele energie zonder middagdip; in ketose (0,5–3 mmol/l) bij thuismeting.',
  aip: 'Twee weken zonder opvlamming van de klachten.',
  other: 'Twee weken stabiel zonder klachten.',
};
const REINTRODUCTION_EXIT =
  'Alle gekozen voedingsmiddelen een voor een getest en reacties vastgelegd.';
const MAINTENANCE_EXIT = 'Eigen voedingspatroon staat; klachten blijven weg zonder begeleiding.';
const FOLLOW_ON_EXIT = 'Zelfstandig op koers; evaluatie na drie maanden.';

/**
 * The phases a plan starting on `startsOn` sets out, back to back as the plan rules require:
 * a diet plan eliminates, reintroduces and maintains; a plan without a diet has its profile's
 * stages; a follow-on plan (after a completed one) has one phase of holding on.
 */
export function plannedPhases(
  profile: ClinicalProfile,
  diet: DietProtocol | null,
  startsOn: string,
  followOn: boolean,
  newId: () => string,
): Phase[] {
  const steps: PhaseStep[] = [];
  if (followOn) {
    steps.push(
      diet
        ? step('maintenance', diet, FOLLOW_ON_EXIT, MAINTENANCE_DAYS)
        : step('other', null, FOLLOW_ON_EXIT, MAINTENANCE_DAYS),
    );
  } else if (diet) {
    steps.push(
      step('elimination', diet, ELIMINATION_EXIT[diet], ELIMINATION_DAYS),
      step('reintroduction', diet, REINTRODUCTION_EXIT, REINTRODUCTION_DAYS),
      step('maintenance', diet, MAINTENANCE_EXIT, MAINTENANCE_DAYS),
    );
  } else {
    profile.stages.forEach((exitCriteria, index) =>
      steps.push(step('other', null, exitCriteria, STAGE_DAYS[index] ?? STAGE_DAYS[0])),
    );
  }
  let next = startsOn;
  return steps.map(({ kind, dietProtocol, exitCriteria, days }) => {
    const phase: Phase = {
      id: newId(),
      kind,
      dietProtocol,
      startsOn: next,
      endsOn: addDays(next, days - 1),
      exitCriteria,
    };
    next = addDays(phase.endsOn, 1);
    return phase;
  });
}

interface PhaseStep {
  kind: PhaseKind;
  dietProtocol: DietProtocol | null;
  exitCriteria: string;
  days: number;
}

function step(
  kind: PhaseKind,
  dietProtocol: DietProtocol | null,
  exitCriteria: string,
  days: number,
): PhaseStep {
  return { kind, dietProtocol, exitCriteria, days };
}

/** The phase `date` falls in, if any. */
export function phaseOn(phases: readonly Phase[], date: string): Phase | null {
  return phases.find((phase) => phase.startsOn <= date && date <= phase.endsOn) ?? null;
}
