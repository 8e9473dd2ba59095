import { Discipline } from '@meridian/auth/access/role';
import { findStandardInstrument, STANDARD_INSTRUMENTS } from '@meridian/outcomes/scoring';
import {
  CONTENT_FIELDS,
  Goal,
  GoalStatus,
  Intervention,
  PlanContent,
  PlanStatus,
} from '@meridian/treatment-plans/plan-content';
import { GoalInstrument, planProblems } from '@meridian/treatment-plans/plan-rules';
import { minutesAfter } from './demo-calendar';
import type { ProfileKey } from './demo-profiles';
import {
  ClinicRow,
  idAt,
  MeasurementRow,
  TreatmentPlanRow,
  TreatmentPlanVersionRow,
} from './demo-rows';
import type { DemoUser } from './demo-staff';
import type { ClientStory, PlanStory } from './demo-story';

/** How often each discipline sees the client under a plan; follow-on plans once a month. */
const FREQUENCY: Record<Discipline, Intervention['frequency']> = {
  acupuncture: { sessions: 1, perWeeks: 2 },
  psychology: { sessions: 1, perWeeks: 2 },
  nutrition: { sessions: 1, perWeeks: 3 },
  training: { sessions: 1, perWeeks: 2 },
};
const FOLLOW_ON_FREQUENCY = { sessions: 1, perWeeks: 4 };

const INTERVENTIONS: Record<Discipline, string> = {
  acupuncture: 'Acupunctuur op het TCM-patroon; de eerste vier weken wekelijks',
  psychology: 'Cognitieve gedragstherapie en gedragsactivatie',
  nutrition: 'Voedingsbegeleiding: regelmaat en eiwit bij elke maaltijd',
  training: 'Progressieve krachttraining voor het hele lichaam, thuisschema erbij',
};
const PROFILE_INTERVENTIONS: Partial<Record<ProfileKey, Partial<Record<Discipline, string>>>> = {
  burnout: { psychology: 'Cognitieve gedragstherapie en energiemanagement' },
  headache: { psychology: 'Ontspanningstraining en slaaptherapie (CGT-i)' },
  pain: { training: 'Krachttraining gericht op de klachtregio, pijncontingent opgebouwd' },
};
const DIET_INTERVENTION = {
  carnivore: 'Carnivoor eliminatiedieet, daarna gefaseerde herintroductie',
  ketogenic: 'Ketogeen eliminatiedieet, daarna gefaseerde herintroductie',
  aip: 'Auto-immuunprotocol, daarna gefaseerde herintroductie',
  other: 'Eliminatiedieet, daarna gefaseerde herintroductie',
} as const;

/** Within this much of the target, a completed plan's goal counts as achieved. */
const ACHIEVED_MARGIN = 1;

export interface DemoPlans {
  plans: TreatmentPlanRow[];
  versions: TreatmentPlanVersionRow[];
}

/**
 * The plans as the treatment-plans service keeps them: the row as it is now, and a version for
 * every change it went through (created as a draft, activated, goals marked at the end,
 * completed or cancelled). Each plan passes the service's own rules before it is written.
 */
export function buildPlans(
  stories: readonly ClientStory[],
  measurements: readonly MeasurementRow[],
  context: { clinic: ClinicRow; users: readonly DemoUser[] },
): DemoPlans {
  const facts = {
    instruments: new Map(
      STANDARD_INSTRUMENTS.map((instrument): [string, GoalInstrument] => [
        instrument.code,
        {
          kind: 'questionnaire',
          min: instrument.scoreMin,
          max: instrument.scoreMax,
          direction: instrument.direction,
        },
      ]),
    ),
    practitioners: new Map(
      context.users
        .filter((user) => user.member.disciplines.length > 0)
        .map((user) => [user.row.id, user.member.disciplines]),
    ),
  };
  const result: DemoPlans = { plans: [], versions: [] };
  for (const story of stories) {
    const own = measurements.filter((m) => m.client_id === story.client.id);
    for (const plan of story.plans) {
      const history = contentHistory(story, plan, own);
      const now = history[history.length - 1];
      const problems = planProblems(now.content, facts);
      if (problems.length > 0) {
        throw new Error(
          `demo seed: plan "${plan.title}" breaks the rules: ${JSON.stringify(problems)}`,
        );
      }
      const lead = plan.team[0].user.row.id;
      result.plans.push({
        id: plan.id,
        clinic_id: context.clinic.id,
        client_id: story.client.id,
        title: now.content.title,
        status: now.content.status,
        lead_practitioner_id: lead,
        disciplines: now.content.disciplines,
        phases: now.content.phases,
        goals: now.content.goals,
        interventions: now.content.interventions,
        created_by: lead,
        updated_by: lead,
        activated_at: plan.activatedAt,
        ended_at: plan.endedAt,
        cancel_reason: plan.cancelReason,
        created_at: plan.createdAt,
        updated_at: now.at,
        version: history.length,
      });
      history.forEach((step, index) =>
        result.versions.push({
          plan_id: plan.id,
          version: index + 1,
          clinic_id: context.clinic.id,
          content: step.content,
          changes: step.changes,
          changed_by: lead,
          changed_at: step.at,
        }),
      );
    }
  }
  return result;
}

interface Step {
  content: PlanContent;
  changes: string[];
  at: Date;
}

/** The plan's content after each change, oldest first. */
function contentHistory(story: ClientStory, plan: PlanStory, measured: MeasurementRow[]): Step[] {
  const disciplines = [...new Set(plan.team.map((member) => member.discipline))];
  const created: PlanContent = {
    title: plan.title,
    status: 'draft',
    leadPractitionerId: plan.team[0].user.row.id,
    disciplines,
    phases: plan.phases,
    goals: goalsOf(story, plan, measured, disciplines),
    interventions: plan.team.map((member) => ({
      id: idAt(plan.createdAt),
      discipline: member.discipline,
      description:
        member.discipline === 'nutrition' && plan.diet
          ? DIET_INTERVENTION[plan.diet]
          : (PROFILE_INTERVENTIONS[story.profile.key]?.[member.discipline] ??
            INTERVENTIONS[member.discipline]),
      practitionerId: member.user.row.id,
      frequency: plan.followOn ? FOLLOW_ON_FREQUENCY : FREQUENCY[member.discipline],
    })),
  };
  const steps: Step[] = [{ content: created, changes: [...CONTENT_FIELDS], at: plan.createdAt }];
  const change = (content: PlanContent, changes: string[], at: Date) =>
    steps.push({ content, changes, at });
  if (plan.activatedAt) change({ ...created, status: 'active' }, ['status'], plan.activatedAt);
  if (plan.endedAt && plan.status === 'completed') {
    // At the last session the lead marks each goal, then completes the plan.
    const marked = {
      ...steps[steps.length - 1].content,
      goals: created.goals.map((goal) => ({ ...goal, status: outcomeOf(goal, measured, plan) })),
    };
    change(marked, ['goals'], minutesAfter(plan.endedAt, -10));
    change({ ...marked, status: 'completed' }, ['status'], plan.endedAt);
  } else if (plan.endedAt) {
    change(
      { ...steps[steps.length - 1].content, status: plan.status as PlanStatus },
      ['status'],
      plan.endedAt,
    );
  }
  return steps;
}

/**
 * A goal per questionnaire the plan's team measures, its baseline the score already taken
 * when the plan was written (left out otherwise: progress then takes the first one).
 */
function goalsOf(
  story: ClientStory,
  plan: PlanStory,
  measured: MeasurementRow[],
  disciplines: Discipline[],
): Goal[] {
  const planEnd = plan.phases[plan.phases.length - 1]?.endsOn ?? null;
  return story.profile.series
    .filter((series) => disciplines.includes(series.recordedIn))
    .map((series) => {
      const baseline = measured
        .filter(
          (m) => m.instrument === series.code && m.created_at.getTime() <= plan.createdAt.getTime(),
        )
        .sort((a, b) => b.created_at.getTime() - a.created_at.getTime())[0];
      return {
        id: idAt(plan.createdAt),
        description: series.goal,
        instrument: series.code,
        baseline: baseline?.score ?? null,
        target: series.target,
        direction: findStandardInstrument(series.code)!.direction,
        dueOn: planEnd,
        status: 'open' as GoalStatus,
      };
    });
}

/** Achieved when the plan's last score came within reach of the target. */
function outcomeOf(goal: Goal, measured: MeasurementRow[], plan: PlanStory): GoalStatus {
  const last = measured
    .filter((m) => m.instrument === goal.instrument && m.treatment_plan_id === plan.id)
    .sort((a, b) => b.created_at.getTime() - a.created_at.getTime())[0];
  if (!last) return 'not-achieved';
  return last.score <= goal.target + ACHIEVED_MARGIN ? 'achieved' : 'not-achieved';
}
