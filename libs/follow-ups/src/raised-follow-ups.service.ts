import { Injectable } from '@nestjs/common';
import { Discipline } from '@meridian/auth/access/role';
import { ClientsRepository } from '@meridian/clients/clients.repository';
import { ClinicsRepository } from '@meridian/clinics/clinics.repository';
import { zonedInstant } from '@meridian/core';
import { OutcomesRepository } from '@meridian/outcomes/outcomes.repository';
import { SELF_HARM_FLAG } from '@meridian/outcomes/scoring';
import { TreatmentPlansRepository } from '@meridian/treatment-plans/treatment-plans.repository';
import { v7 as uuid } from 'uuid';
import { FollowUpJobs } from './follow-up-jobs';

/** What raising a task from an event came to. */
export type Raised = 'raised' | 'already-raised' | 'moot';

/**
 * Follow-up tasks the system raises when something happened, run by the worker in the
 * clinic's tenant transaction. Each re-reads the state it acts on (the event may be moot by
 * now) and carries a source key, so that a job delivered twice raises its task once.
 */
@Injectable()
export class RaisedFollowUps {
  constructor(
    private readonly jobs: FollowUpJobs,
    private readonly outcomes: OutcomesRepository,
    private readonly plans: TreatmentPlansRepository,
    private readonly clients: ClientsRepository,
    private readonly clinics: ClinicsRepository,
  ) {}

  /**
   * A PHQ-9 whose item 9 was above 0: an urgent call, due at once, for a psychologist on the
   * client's care team; else whoever recorded it; else anyone on the care team. Failing all,
   * reception, so that it is never nobody's, with a note that says no more than reception may
   * know (design section 4): contact a practitioner today.
   */
  async forFlaggedMeasurement(measurementId: string): Promise<Raised> {
    const measurement = await this.outcomes.measurement(measurementId);
    // Gone with an erasure, or not flagged at all (the job is named for no flag in particular).
    if (!measurement?.flags.includes(SELF_HARM_FLAG)) return 'moot';
    const team = await this.clients.careTeam(measurement.clientId);
    const candidates = [
      ...team.filter((member) => member.discipline === Discipline.Psychology).map((m) => m.userId),
      measurement.recordedBy,
      ...team.map((member) => member.userId),
    ];
    const active = await this.clients.practitioners(candidates);
    const assignee = candidates.find((id) => active.has(id)) ?? null;
    const inserted = await this.jobs.raise({
      id: uuid(),
      clientId: measurement.clientId,
      type: 'call',
      priority: 'urgent',
      assigneeUserId: assignee,
      assigneeQueue: assignee ? null : 'reception',
      dueAt: new Date(),
      note: assignee
        ? `PHQ-9 of ${measurement.takenOn}: item 9 (thoughts of being better off dead or of self-harm) answered above 0. Contact the client today and assess the risk.`
        : 'Urgent: a questionnaire needs a practitioner’s attention today. Ask a practitioner of the clinic to contact the client.',
      sourceKey: `self-harm:${measurement.id}`,
      createdBy: null,
    });
    return inserted ? 'raised' : 'already-raised';
  }

  /**
   * The last day of a phase of an active plan: a plan review for the lead practitioner, due
   * at the end of that day; reception (told nothing clinical) when the lead has left. Moot when the plan is no longer active or the phase's end moved
   * (its new end has a job of its own).
   */
  async forPhaseEnding(planId: string, phaseId: string, endsOn: string): Promise<Raised> {
    const plan = await this.plans.findById(planId);
    if (!plan || plan.status !== 'active') return 'moot';
    const index = plan.phases.findIndex((phase) => phase.id === phaseId);
    const phase = plan.phases[index];
    if (!phase || phase.endsOn !== endsOn) return 'moot';
    const lead = (await this.clients.practitioners([plan.leadPractitionerId])).has(
      plan.leadPractitionerId,
    )
      ? plan.leadPractitionerId
      : null;
    const timeZone = await this.clinics.timeZone();
    const diet = phase.dietProtocol ? `, ${phase.dietProtocol}` : '';
    const inserted = await this.jobs.raise({
      id: uuid(),
      clientId: plan.clientId,
      type: 'review-plan',
      priority: 'normal',
      assigneeUserId: lead,
      assigneeQueue: lead ? null : 'reception',
      dueAt: zonedInstant(endsOn, '17:00', timeZone),
      note: lead
        ? `Phase ${index + 1} of ${plan.phases.length} (${phase.kind}${diet}) of “${plan.title}” ends on ${endsOn}: review the plan with the client.`
        : `A treatment plan phase ends on ${endsOn} and its lead practitioner has left: ask a practitioner on the care team to review the plan.`,
      sourceKey: `plan-phase-end:${plan.id}:${phase.id}:${endsOn}`,
      createdBy: null,
    });
    return inserted ? 'raised' : 'already-raised';
  }
}
