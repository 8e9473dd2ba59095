import { BulkWriter } from '../bulk-writer';
import { isoAt } from '../scale-clock';
import type { ScaleContext } from '../scale-model';

const COLUMNS = [
  { name: 'plan_id', type: 'uuid' },
  { name: 'version', type: 'integer' },
  { name: 'clinic_id', type: 'uuid' },
  { name: 'content', type: 'jsonb' },
  { name: 'changes', type: 'text[]' },
  { name: 'changed_by', type: 'uuid' },
  { name: 'changed_at', type: 'timestamptz' },
];

/**
 * Every version of every plan. The application reads the plan's current version from here
 * (GET of a plan answers 404 without it), so each plan has versions 1..version.
 */
export async function seedTreatmentPlanVersions(ctx: ScaleContext): Promise<number> {
  const writer = new BulkWriter(ctx.pg, 'treatment_plan_versions', COLUMNS, 5000);
  for (const client of ctx.model.clients) {
    const plan = client.plan;
    if (!plan) continue;
    for (let i = 0; i < plan.versions.length; i++) {
      const version = plan.versions[i];
      await writer.add([
        plan.id,
        i + 1,
        client.clinic.id,
        JSON.stringify(version.content),
        version.changes,
        version.content.leadPractitionerId,
        isoAt(version.changedAt),
      ]);
    }
  }
  return writer.close();
}
