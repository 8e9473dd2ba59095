import type { Discipline } from '@meridian/auth/access/role';
import type { DietProtocol, Phase, PlanStatus } from '@meridian/treatment-plans/plan-content';
import type { Slot } from './demo-diary';
import type { ClinicalProfile, Presentation } from './demo-profiles';
import type { AppointmentType, ClientRow } from './demo-rows';
import type { DemoUser } from './demo-staff';

/*
 * The demo's model of a client's time at the clinic, from which every clinical row is made.
 */

/** Sixteen weeks: how long a course of treatment takes to reach where it ends up. */
export const COURSE_DAYS = 112;

export type Storyline = 'new' | 'draft' | 'active' | 'completed' | 'follow-on' | 'cancelled';
/** How a client's scores move over the plan. */
export type Response = 'good' | 'partial' | 'none';

export interface TeamMember {
  user: DemoUser;
  discipline: Discipline;
  /** The day they joined the care team. */
  since: string;
}

export interface PlanStory {
  id: string;
  status: PlanStatus;
  title: string;
  diet: DietProtocol | null;
  followOn: boolean;
  phases: Phase[];
  team: TeamMember[];
  createdAt: Date;
  activatedAt: Date | null;
  endedAt: Date | null;
  cancelReason: string | null;
}

/**
 * An appointment as planned: who, when, under which plan (none for the intake: the plan is
 * written after it). What happened at it is decided later.
 */
export interface Visit extends Slot {
  member: TeamMember;
  type: AppointmentType;
  plan: PlanStory | null;
}

/** One client's year at the clinic: who they are, who treats them, their plans and visits. */
export interface ClientStory {
  client: ClientRow;
  profile: ClinicalProfile;
  presentation: Presentation;
  storyline: Storyline;
  team: TeamMember[];
  plans: PlanStory[];
  /** Every appointment, the intake first, in time order. */
  visits: Visit[];
  response: Response;
  startWeightKg: number;
}
