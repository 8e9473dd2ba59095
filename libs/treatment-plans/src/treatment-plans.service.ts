import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditAction, AuditLog, AuditPurpose } from '@meridian/audit';
import { Role } from '@meridian/auth/access/role';
import type { ClinicalAccess } from '@meridian/auth';
import {
  ClientDataRegistry,
  ClientsException,
  ClientsRepository,
  ClientsService,
  ConsentsRepository,
} from '@meridian/clients';
import { ClinicsRepository } from '@meridian/clinics';
import {
  Actor,
  FieldError,
  PageQuery,
  RequestException,
  staleVersion,
  todayIn,
  zonedInstant,
} from '@meridian/core';
import { Instrument, InstrumentsService } from '@meridian/outcomes';
import { JobName, Outbox } from '@meridian/queue';
import { v7 as uuid } from 'uuid';
import {
  changeResponse,
  contentOf,
  PlanView,
  toPlanResponse,
  toVersionResponse,
  TreatmentPlanPage,
  TreatmentPlanResponse,
} from './dto/plan.response';
import { CreateTreatmentPlanDto, UpdateTreatmentPlanDto } from './dto/write-plan.dto';
import { toGoals, toInterventions, toPhases } from './plan-items';
import {
  changedFields,
  CONTENT_FIELDS,
  mayTransition,
  Phase,
  PlanContent,
  PlanStatus,
} from './plan-content';
import { GoalInstrument, planProblems } from './plan-rules';
import { TreatmentPlanEntity } from './treatment-plan.entity';
import { TreatmentPlansException } from './treatment-plans.exception';
import { TreatmentPlansRepository } from './treatment-plans.repository';

const RESOURCE = 'treatment-plan';
/** When a phase's review task is raised on its last day, on the clinic's clock. */
const REVIEW_TIME = '08:00';

/**
 * Treatment plans. The care team (or a practitioner who broke the glass) reads and writes
 * them; reception sees title and status, managers the status (design section 4). Every
 * change, status changes included, is kept as a version.
 */
@Injectable()
export class TreatmentPlansService implements OnModuleInit {
  constructor(
    private readonly plans: TreatmentPlansRepository,
    private readonly clients: ClientsService,
    private readonly clientRecords: ClientsRepository,
    private readonly consents: ConsentsRepository,
    private readonly clinics: ClinicsRepository,
    private readonly instruments: InstrumentsService,
    private readonly outbox: Outbox,
    private readonly registry: ClientDataRegistry,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'treatmentPlans',
      collect: (clientId) => this.exportOf(clientId),
      erase: (clientId) => this.plans.deleteOf(clientId),
    });
  }

  async list(actor: Actor, clientId: string, query: PageQuery): Promise<TreatmentPlanPage> {
    if (!(await this.clientRecords.findById(clientId))) throw ClientsException.notFound();
    const { view, purpose } = await this.viewOf(actor, clientId);
    const page = await this.plans.ofClient(clientId, query.limit, query.cursor);
    await this.audit.record({
      action: AuditAction.Read,
      resourceType: RESOURCE,
      clientId,
      purpose,
    });
    return {
      data: page.data.map((plan) => toPlanResponse(plan, view)),
      nextCursor: page.nextCursor,
    };
  }

  /** A new plan, as a draft led by the author unless they name another lead. */
  async create(
    actor: Actor,
    clientId: string,
    input: CreateTreatmentPlanDto,
  ): Promise<TreatmentPlanResponse> {
    const { access } = await this.clients.requireWritableWithAccess(actor, clientId);
    const errors: FieldError[] = [];
    const content: PlanContent = {
      title: input.title,
      status: 'draft',
      leadPractitionerId: input.leadPractitionerId ?? actor.userId,
      disciplines: input.disciplines,
      phases: toPhases(input.phases ?? [], [], errors),
      goals: toGoals(input.goals ?? [], [], errors),
      interventions: toInterventions(input.interventions ?? [], [], errors),
    };
    await this.assertValid(content, errors);
    const plan = await this.plans.insert({
      id: uuid(),
      clientId,
      ...content,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      activatedAt: null,
      endedAt: null,
      cancelReason: null,
    });
    await this.recordVersion(plan, [...CONTENT_FIELDS], actor);
    await this.log(AuditAction.Create, plan, access);
    return toPlanResponse(plan, 'full');
  }

  /** The plan now, or as it was at `version`, in the caller's view. */
  async get(actor: Actor, id: string, version?: number): Promise<TreatmentPlanResponse> {
    const plan = await this.require(id);
    const { view, purpose } = await this.viewOf(actor, plan.clientId);
    const stored = await this.plans.version(id, version ?? plan.version);
    if (!stored) throw TreatmentPlansException.versionNotFound(version ?? plan.version);
    await this.log(AuditAction.Read, plan, purpose);
    if (stored.version !== plan.version) return toVersionResponse(plan, stored, view);
    const response = toPlanResponse(plan, view);
    return view === 'full' ? { ...response, change: changeResponse(stored) } : response;
  }

  async update(
    actor: Actor,
    id: string,
    version: number,
    input: UpdateTreatmentPlanDto,
  ): Promise<TreatmentPlanResponse> {
    const plan = await this.requireForChange(id);
    const access = await this.clients.requireClinicalAccess(actor, plan.clientId);
    if (plan.status === 'completed' || plan.status === 'cancelled') {
      throw TreatmentPlansException.closed(plan.status);
    }
    if (plan.version !== version) throw staleVersion();
    const errors: FieldError[] = [];
    const before = contentOf(plan);
    const after: PlanContent = {
      ...before,
      title: input.title ?? before.title,
      leadPractitionerId: input.leadPractitionerId ?? before.leadPractitionerId,
      disciplines: input.disciplines ?? before.disciplines,
      phases: input.phases ? toPhases(input.phases, before.phases, errors) : before.phases,
      goals: input.goals ? toGoals(input.goals, before.goals, errors) : before.goals,
      interventions: input.interventions
        ? toInterventions(input.interventions, before.interventions, errors)
        : before.interventions,
    };
    await this.assertValid(after, errors);
    const changes = changedFields(before, after);
    let saved = plan;
    if (changes.length > 0) {
      saved = await this.plans.save(Object.assign(plan, after, { updatedBy: actor.userId }));
      await this.recordVersion(saved, changes, actor);
      if (saved.status === 'active') await this.schedulePhaseReviews(saved, before.phases);
    }
    await this.log(AuditAction.Update, saved, access);
    return toPlanResponse(saved, 'full');
  }

  /** Draft → active, only while the client's treatment consent is in force. */
  activate(actor: Actor, id: string, version?: number): Promise<TreatmentPlanResponse> {
    return this.transition(actor, id, 'active', version);
  }

  complete(actor: Actor, id: string, version?: number): Promise<TreatmentPlanResponse> {
    return this.transition(actor, id, 'completed', version);
  }

  cancel(
    actor: Actor,
    id: string,
    reason: string,
    version?: number,
  ): Promise<TreatmentPlanResponse> {
    return this.transition(actor, id, 'cancelled', version, reason);
  }

  private async transition(
    actor: Actor,
    id: string,
    to: PlanStatus,
    version: number | undefined,
    reason?: string,
  ): Promise<TreatmentPlanResponse> {
    const plan = await this.requireForChange(id);
    const access = await this.clients.requireClinicalAccess(actor, plan.clientId);
    if (version !== undefined && version !== plan.version) throw staleVersion();
    if (!mayTransition(plan.status, to)) {
      throw TreatmentPlansException.invalidTransition(plan.status, to);
    }
    if (to === 'active' && !(await this.consents.inForce(plan.clientId, 'treatment'))) {
      throw TreatmentPlansException.consentRequired();
    }
    plan.status = to;
    plan.updatedBy = actor.userId;
    if (to === 'active') {
      plan.activatedAt = new Date();
    } else {
      plan.endedAt = new Date();
      plan.cancelReason = reason ?? null;
    }
    const saved = await this.plans.save(plan);
    await this.recordVersion(saved, ['status'], actor);
    if (to === 'active') await this.schedulePhaseReviews(saved, []);
    await this.log(AuditAction.Update, saved, access);
    return toPlanResponse(saved, 'full');
  }

  /** The plan and its clinical access, for the progress view; only the care team gets it. */
  async requireClinical(
    actor: Actor,
    id: string,
  ): Promise<{ plan: TreatmentPlanEntity; access: ClinicalAccess }> {
    const plan = await this.require(id);
    return { plan, access: await this.clients.requireClinicalAccess(actor, plan.clientId) };
  }

  /**
   * Asks for a "review plan" follow-up on the last day of each phase still to end that was
   * not asked for before (`scheduled`: the phases as they were when last asked). A job for an
   * end that moves later finds its phase changed and does nothing.
   */
  private async schedulePhaseReviews(
    plan: TreatmentPlanEntity,
    scheduled: readonly Phase[],
  ): Promise<void> {
    const clinic = await this.clinics.findCurrent();
    if (!clinic) return;
    const today = todayIn(clinic.timeZone);
    const asked = new Set(scheduled.map((phase) => `${phase.id}/${phase.endsOn}`));
    for (const phase of plan.phases) {
      if (phase.endsOn < today || asked.has(`${phase.id}/${phase.endsOn}`)) continue;
      await this.outbox.add(
        JobName.PlanPhaseEnding,
        { clinicId: clinic.id, treatmentPlanId: plan.id, phaseId: phase.id, endsOn: phase.endsOn },
        { runAt: zonedInstant(phase.endsOn, REVIEW_TIME, clinic.timeZone) },
      );
    }
  }

  /** The checks of `planProblems`, with the instruments and practitioners the plan names. */
  private async assertValid(content: PlanContent, errors: FieldError[]): Promise<void> {
    const instruments = new Map<string, GoalInstrument>();
    for (const code of new Set(content.goals.map((goal) => goal.instrument))) {
      const instrument = await this.instruments.find(code);
      if (instrument) instruments.set(code, goalInstrument(instrument));
    }
    const practitioners = await this.clientRecords.practitioners([
      content.leadPractitionerId,
      ...content.interventions.flatMap((item) =>
        item.practitionerId ? [item.practitionerId] : [],
      ),
    ]);
    errors.push(...planProblems(content, { instruments, practitioners }));
    if (errors.length > 0) throw RequestException.invalidFields(errors);
  }

  private async recordVersion(
    plan: TreatmentPlanEntity,
    changes: string[],
    actor: Actor,
  ): Promise<void> {
    await this.plans.insertVersion({
      planId: plan.id,
      version: plan.version,
      content: contentOf(plan),
      changes,
      changedBy: actor.userId,
    });
  }

  /** Each plan with every version it had: the export shows the history, not only the end. */
  private async exportOf(clientId: string): Promise<unknown[]> {
    const plans = await this.plans.allOf(clientId);
    const versions = await this.plans.versionsOf(plans.map((plan) => plan.id));
    return plans.map((plan) => ({
      ...toPlanResponse(plan, 'full'),
      versions: versions
        .filter((version) => version.planId === plan.id)
        .map((version) => ({ ...changeResponse(version), content: version.content })),
    }));
  }

  /**
   * What of a plan `actor` may see: everything with clinical access, title and status at
   * reception, the status as a manager; a practitioner outside the care team nothing.
   */
  private async viewOf(
    actor: Actor,
    clientId: string,
  ): Promise<{ view: PlanView; purpose: AuditPurpose }> {
    const access = (await this.clients.accessTo(actor, [clientId])).get(clientId) ?? null;
    if (access) return { view: 'full', purpose: access };
    if (actor.roles.includes(Role.Receptionist))
      return { view: 'summary', purpose: 'administration' };
    if (actor.roles.includes(Role.Manager)) return { view: 'status', purpose: 'administration' };
    throw ClientsException.clinicalAccessRequired(clientId);
  }

  private async require(id: string): Promise<TreatmentPlanEntity> {
    const plan = await this.plans.findById(id);
    if (!plan) throw TreatmentPlansException.notFound();
    return plan;
  }

  /** The plan locked for a change, of a client whose record may still change. */
  private async requireForChange(id: string): Promise<TreatmentPlanEntity> {
    return this.clients.lockAfterClient(await this.require(id), () =>
      this.plans.findById(id, true),
    );
  }

  private async log(
    action: AuditAction,
    plan: TreatmentPlanEntity,
    purpose: AuditPurpose,
  ): Promise<void> {
    await this.audit.record({
      action,
      resourceType: RESOURCE,
      resourceId: plan.id,
      clientId: plan.clientId,
      purpose,
    });
  }
}

function goalInstrument(instrument: Instrument): GoalInstrument {
  return instrument.kind === 'questionnaire'
    ? {
        kind: 'questionnaire',
        min: instrument.definition.scoreMin,
        max: instrument.definition.scoreMax,
        direction: instrument.definition.direction,
      }
    : {
        kind: 'scale',
        min: instrument.definition.minValue,
        max: instrument.definition.maxValue,
        direction: instrument.definition.direction,
      };
}
