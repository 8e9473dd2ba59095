import { BulkWriter } from '../bulk-writer';
import { buildPlan } from '../plans/plan-builder';
import { Random } from '../random';
import { isoAt } from '../scale-clock';
import type { ScaleContext } from '../scale-model';

const COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'clinic_id', type: 'uuid' },
  { name: 'client_id', type: 'uuid' },
  { name: 'title', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'lead_practitioner_id', type: 'uuid' },
  { name: 'disciplines', type: 'text[]' },
  { name: 'phases', type: 'jsonb' },
  { name: 'goals', type: 'jsonb' },
  { name: 'interventions', type: 'jsonb' },
  { name: 'created_by', type: 'uuid' },
  { name: 'updated_by', type: 'uuid' },
  { name: 'activated_at', type: 'timestamptz' },
  { name: 'ended_at', type: 'timestamptz' },
  { name: 'cancel_reason', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'version', type: 'integer' },
];

/**
 * About one plan for three clients in five, led and changed by the primary practitioner.
 * The plan's version is the number of versions it had (see treatment_plan_versions).
 */
export async function seedTreatmentPlans(ctx: ScaleContext): Promise<number> {
  const random = new Random(ctx.options.seed, 'treatment-plans');
  const writer = new BulkWriter(ctx.pg, 'treatment_plans', COLUMNS, 5000);
  for (const client of ctx.model.clients) {
    const plan = buildPlan(client, ctx.clock, random);
    client.plan = plan;
    if (!plan) continue;
    const { content } = plan;
    const last = plan.versions[plan.versions.length - 1];
    await writer.add([
      plan.id,
      client.clinic.id,
      client.id,
      content.title,
      content.status,
      content.leadPractitionerId,
      content.disciplines,
      JSON.stringify(content.phases),
      JSON.stringify(content.goals),
      JSON.stringify(content.interventions),
      content.leadPractitionerId,
      content.leadPractitionerId,
      plan.activatedAt === null ? null : isoAt(plan.activatedAt),
      plan.endedAt === null ? null : isoAt(plan.endedAt),
      plan.cancelReason,
      isoAt(plan.createdAt),
      isoAt(last.changedAt),
      plan.versions.length,
    ]);
  }
  return writer.close();
}
