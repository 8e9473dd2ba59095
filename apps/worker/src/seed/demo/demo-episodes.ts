import { Discipline } from '@meridian/auth/access/role';
import { addDays } from '@meridian/core';
import type { DietProtocol } from '@meridian/treatment-plans/plan-content';
import { DemoCalendar, laterDate, minutesAfter } from './demo-calendar';
import type { Outline } from './demo-cast';
import { DemoDiary } from './demo-diary';
import { plannedPhases } from './demo-phases';
import type { ClinicalProfile, Presentation } from './demo-profiles';
import type { DemoRandom } from './demo-random';
import { AppointmentType, idAt } from './demo-rows';
import type { DemoUser } from './demo-staff';
import type { PlanStory, Storyline, TeamMember, Visit } from './demo-story';

/** How far ahead of today the schedule is filled. */
const AHEAD_DAYS = 7;

/** Days between sessions, by discipline and the number of sessions so far. */
const CADENCE: Record<Discipline, (sessions: number) => number> = {
  acupuncture: (n) => (n < 6 ? 7 : 14),
  psychology: (n) => (n < 6 ? 7 : 14),
  nutrition: (n) => (n < 2 ? 7 : n < 6 ? 14 : 21),
  training: (n) => (n < 4 ? 7 : 14),
};
const FOLLOW_ON_CADENCE = 28;

const PLAN_CANCEL_REASONS = [
  'Cliënt verhuist naar Groningen en zoekt daar verder.',
  'Cliënt wacht eerst de verwijzing naar de MDL-arts af.',
  'Niet vergoed door de zorgverzekeraar; cliënt stopt om financiële redenen.',
  'Zwanger: eliminatiedieet nu niet passend, plan gestopt in overleg met verloskundige.',
] as const;

/** A client's care at the clinic: the team, the plans and every appointment. */
export interface Episode {
  /** The outline's storyline, or `new` when no intake could be fitted in the past. */
  storyline: Storyline;
  team: TeamMember[];
  plans: PlanStory[];
  /** Every appointment, the intake first, in time order. */
  visits: Visit[];
}

/**
 * Plans each client's care in time: the team (spread over the practitioners of each
 * discipline), the intake a few days after registering, the plan written after it and
 * activated days later, and each team member's sessions at their discipline's pace, every one
 * in a free slot of the shared diary, until the plan ended or a week from today.
 */
export class EpisodePlanner {
  /** Clients per practitioner, so that teams spread over the practitioners of a discipline. */
  private readonly caseload = new Map<string, number>();
  private readonly dietTurns = new Map<string, number>();
  private readonly diary: DemoDiary;

  constructor(
    private readonly context: {
      random: DemoRandom;
      calendar: DemoCalendar;
      users: readonly DemoUser[];
    },
  ) {
    this.diary = new DemoDiary(context.calendar, context.random);
  }

  plan(outline: Outline, clientId: string, createdOn: string, presentation: Presentation): Episode {
    const { random, calendar } = this.context;
    const { profile } = outline;
    const disciplines = [
      ...profile.team,
      ...(outline.extra && profile.sometimes ? [profile.sometimes.discipline] : []),
    ];
    const practitioners = this.teamFor(disciplines);

    let storyline = outline.storyline;
    const lead: TeamMember = { ...practitioners[0], since: createdOn };
    let intake = storyline === 'new' ? null : this.pastIntake(lead, clientId, createdOn);
    if (!intake) {
      storyline = 'new';
      intake = this.futureIntake(lead, clientId);
    }
    const team: TeamMember[] =
      storyline === 'new'
        ? [lead]
        : [lead, ...practitioners.slice(1).map((m) => ({ ...m, since: intake.date }))];
    const visits: Visit[] = [intake];
    const plans: PlanStory[] = [];
    const diet = this.dietFor(profile, storyline);

    if (storyline === 'draft') {
      // Written after the intake, to start once the client has agreed to it.
      const startsOn = calendar.day(random.int(7, 12));
      const plan = this.planFor(storyline, profile, presentation, diet, team, intake, startsOn);
      plans.push(plan);
      const next = this.visit(
        lead,
        clientId,
        plan,
        calendar.day(random.int(2, 6)),
        calendar.day(1),
        calendar.day(AHEAD_DAYS),
      );
      if (next) visits.push(next);
    } else if (storyline !== 'new') {
      const activatedOn = minDate(addDays(intake.date, random.int(1, 4)), calendar.today);
      const main = this.planFor(storyline, profile, presentation, diet, team, intake, activatedOn);
      plans.push(main);
      visits.push(...this.careVisits(main, clientId, activatedOn, this.endOf(main)));
      const followOn =
        storyline === 'follow-on' && main.endedAt
          ? this.followOnPlan(profile, presentation, diet, lead, calendar.dateOf(main.endedAt))
          : null;
      if (followOn) {
        plans.push(followOn);
        const startsOn = calendar.dateOf(followOn.activatedAt!);
        visits.push(...this.careVisits(followOn, clientId, startsOn, calendar.day(AHEAD_DAYS)));
      }
    }
    visits.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return { storyline, team, plans, visits };
  }

  /**
   * The profile's diets in turn, counted separately for running and finished plans, so that
   * both the active plans and the history hold each of the profile's diets in its proportion.
   */
  private dietFor(profile: ClinicalProfile, storyline: Storyline): DietProtocol | null {
    if (profile.diets.length === 0) return null;
    const running = storyline === 'active' || storyline === 'draft';
    const key = `${profile.key}|${running}`;
    const turn = this.dietTurns.get(key) ?? 0;
    this.dietTurns.set(key, turn + 1);
    return profile.diets[turn % profile.diets.length];
  }

  /** The least busy practitioner of each discipline, never the same person twice. */
  private teamFor(disciplines: readonly Discipline[]): Omit<TeamMember, 'since'>[] {
    const picked: Omit<TeamMember, 'since'>[] = [];
    for (const discipline of disciplines) {
      const candidates = this.context.users
        .filter((user) => user.member.disciplines.includes(discipline))
        .filter((user) => !picked.some((member) => member.user === user));
      const least = Math.min(...candidates.map((user) => this.caseload.get(user.row.id) ?? 0));
      const user = this.context.random.pick(
        candidates.filter((c) => (this.caseload.get(c.row.id) ?? 0) === least),
      );
      this.caseload.set(user.row.id, least + 1);
      picked.push({ user, discipline });
    }
    return picked;
  }

  /**
   * The intake, a few days after registering and at least two days before today; null when
   * the lead has no slot then (the client then counts as new, the intake still to come).
   */
  private pastIntake(lead: TeamMember, clientId: string, createdOn: string): Visit | null {
    const { calendar, random } = this.context;
    const latest = minDate(addDays(createdOn, 10), calendar.day(-2));
    const wanted = minDate(addDays(createdOn, random.int(2, 7)), latest);
    return this.visit(lead, clientId, null, wanted, addDays(createdOn, 1), latest, 'intake');
  }

  private futureIntake(lead: TeamMember, clientId: string): Visit {
    const { calendar, random } = this.context;
    const intake = this.visit(
      lead,
      clientId,
      null,
      calendar.day(random.int(2, 5)),
      calendar.day(1),
      calendar.day(12),
      'intake',
    );
    if (!intake) throw new Error('demo seed: no free intake slot in the coming days');
    return intake;
  }

  private visit(
    member: TeamMember,
    clientId: string,
    plan: PlanStory | null,
    wanted: string,
    earliest: string,
    latest: string,
    type: AppointmentType = member.discipline,
  ): Visit | null {
    const slot = this.diary.book(member.user, clientId, type, wanted, earliest, latest);
    return slot && { ...slot, member, type, plan };
  }

  /** The plan the lead writes after the intake, as far as the storyline takes it. */
  private planFor(
    storyline: Storyline,
    profile: ClinicalProfile,
    presentation: Presentation,
    diet: DietProtocol | null,
    team: TeamMember[],
    intake: Visit,
    startsOn: string,
  ): PlanStory {
    const { calendar, random } = this.context;
    const createdAt = minutesAfter(intake.endsAt, random.int(20, 90));
    const phases = plannedPhases(profile, diet, startsOn, false, () => idAt(createdAt));
    const plan: PlanStory = {
      id: idAt(createdAt),
      status: 'draft',
      title: presentation.title,
      diet,
      followOn: false,
      phases,
      team,
      createdAt,
      activatedAt: null,
      endedAt: null,
      cancelReason: null,
    };
    if (storyline === 'draft') return plan;
    plan.status = 'active';
    plan.activatedAt = calendar.notAfterNow(calendar.at(startsOn, '08:45'));
    if (storyline === 'cancelled') {
      const endsOn = minDate(addDays(startsOn, random.int(21, 42)), calendar.day(-3));
      plan.status = 'cancelled';
      plan.endedAt = calendar.at(endsOn, '16:40');
      plan.cancelReason = random.pick(PLAN_CANCEL_REASONS);
    } else if (storyline === 'completed' || storyline === 'follow-on') {
      // Diet plans complete once the foods are back; plans without a diet after both stages.
      const length = diet ? random.int(98, 150) : random.int(84, 112);
      const endsOn = minDate(addDays(startsOn, length), calendar.day(-10));
      plan.status = 'completed';
      plan.endedAt = calendar.at(endsOn, '16:30');
    }
    return plan;
  }

  /** After a completed plan, some clients go on with a lighter plan led by the same lead. */
  private followOnPlan(
    profile: ClinicalProfile,
    presentation: Presentation,
    diet: DietProtocol | null,
    lead: TeamMember,
    endedOn: string,
  ): PlanStory | null {
    const { calendar, random } = this.context;
    const startsOn = addDays(endedOn, random.int(14, 28));
    if (startsOn > calendar.day(-14)) return null;
    const createdAt = calendar.at(startsOn, '08:30');
    return {
      id: idAt(createdAt),
      status: 'active',
      title: `Vervolg: ${presentation.title.charAt(0).toLowerCase()}${presentation.title.slice(1)}`,
      diet,
      followOn: true,
      phases: plannedPhases(profile, diet, startsOn, true, () => idAt(createdAt)),
      team: [lead],
      createdAt,
      activatedAt: minutesAfter(createdAt, 10),
      endedAt: null,
      cancelReason: null,
    };
  }

  /** The last day sessions run under the plan: its end, or a week ahead while it runs. */
  private endOf(plan: PlanStory): string {
    const { calendar } = this.context;
    return plan.endedAt ? calendar.dateOf(plan.endedAt) : calendar.day(AHEAD_DAYS);
  }

  /** Each team member's sessions under the plan at their discipline's pace. */
  private careVisits(plan: PlanStory, clientId: string, from: string, until: string): Visit[] {
    const { random } = this.context;
    const visits: Visit[] = [];
    plan.team.forEach((member, index) => {
      const cadence = plan.followOn ? () => FOLLOW_ON_CADENCE : CADENCE[member.discipline];
      // The lead saw the client at the intake; the others start in the first week.
      let wanted = addDays(from, plan.followOn ? 1 : index === 0 ? 7 : random.int(1, 6));
      for (let sessions = 0; wanted <= until; sessions++) {
        const visit = this.visit(
          member,
          clientId,
          plan,
          wanted,
          laterDate(from, addDays(wanted, -2)),
          minDate(until, addDays(wanted, 3)),
        );
        if (visit) visits.push(visit);
        wanted = addDays(visit?.date ?? wanted, cadence(sessions));
      }
    });
    return visits;
  }
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
