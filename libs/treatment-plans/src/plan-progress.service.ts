import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { ClinicsRepository } from '@meridian/clinics';
import { Actor, todayIn } from '@meridian/core';
import { InstrumentsService, MeasurementEntity, OutcomesRepository } from '@meridian/outcomes';
import { TreatmentPlanProgressResponse } from './dto/progress.response';
import { currentPhase, goalProgress, nextPhase } from './progress';
import { TreatmentPlanEntity } from './treatment-plan.entity';
import { TreatmentPlansService } from './treatment-plans.service';

/**
 * How the client is doing against their plan's goals, and where they are in its phases.
 * Clinical content: the care team only.
 */
@Injectable()
export class PlanProgressService {
  constructor(
    private readonly plans: TreatmentPlansService,
    private readonly outcomes: OutcomesRepository,
    private readonly instruments: InstrumentsService,
    private readonly clinics: ClinicsRepository,
    private readonly audit: AuditLog,
  ) {}

  async progress(actor: Actor, id: string): Promise<TreatmentPlanProgressResponse> {
    const { plan, access } = await this.plans.requireClinical(actor, id);
    const timeZone = await this.clinics.timeZone();
    const today = todayIn(timeZone);
    const codes = [...new Set(plan.goals.map((goal) => goal.instrument))];
    const measurements = (await this.outcomes.allOf(plan.clientId, codes)).filter(
      inPlan(plan, timeZone),
    );
    const meaningfulChange = new Map<string, number | null>();
    for (const code of codes) {
      const instrument = await this.instruments.find(code);
      meaningfulChange.set(code, instrument?.definition.meaningfulChange ?? null);
    }
    await this.audit.record({
      action: AuditAction.Read,
      resourceType: 'treatment-plan-progress',
      resourceId: plan.id,
      clientId: plan.clientId,
      purpose: access,
    });
    return {
      treatmentPlanId: plan.id,
      asOf: today,
      currentPhase: currentPhase(plan.phases, today),
      nextPhase: nextPhase(plan.phases, today),
      goals: plan.goals.map((goal) =>
        goalProgress(
          goal,
          measurements
            .filter((measurement) => measurement.instrument === goal.instrument)
            .map((measurement) => ({
              measurementId: measurement.id,
              takenOn: measurement.takenOn,
              value: measurement.score,
            })),
          meaningfulChange.get(goal.instrument) ?? null,
        ),
      ),
    };
  }
}

/**
 * Which measurements belong to the plan's progress: those linked to it, and those taken while
 * it ran — from its first phase or its activation, whichever came first, to its end.
 */
function inPlan(
  plan: TreatmentPlanEntity,
  timeZone: string,
): (measurement: MeasurementEntity) => boolean {
  const starts = [
    plan.phases[0]?.startsOn,
    plan.activatedAt ? todayIn(timeZone, plan.activatedAt) : undefined,
  ].filter((date): date is string => date !== undefined);
  const from = starts.length > 0 ? starts.sort()[0] : null;
  const to = plan.endedAt ? todayIn(timeZone, plan.endedAt) : null;
  return (measurement) =>
    measurement.treatmentPlanId === plan.id ||
    (from !== null && measurement.takenOn >= from && (to === null || measurement.takenOn <= to));
}
