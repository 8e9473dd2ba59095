import { scoreAnswers } from '@meridian/outcomes/scoring';
import { BulkWriter } from '../bulk-writer';
import { measurementSeries, seriesAnswers } from '../measurements/measurement-series';
import { Random } from '../random';
import { isoAt, ScaleClock } from '../scale-clock';
import type { ScaleContext } from '../scale-model';
import { uuid7 } from '../uuid7';

const COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'clinic_id', type: 'uuid' },
  { name: 'client_id', type: 'uuid' },
  { name: 'instrument', type: 'text' },
  { name: 'answers', type: 'smallint[]' },
  { name: 'score', type: 'double precision' },
  { name: 'band', type: 'text' },
  { name: 'flags', type: 'text[]' },
  { name: 'taken_on', type: 'date' },
  { name: 'recorded_by', type: 'uuid' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'treatment_plan_id', type: 'uuid' },
];

/**
 * A flagged PHQ-9 of the last week whose urgent task is missing is work the worker's
 * reconciler owes: flags are kept to answers older than this, so a worker started on the
 * data set raises nothing.
 */
const NO_FLAGS_WITHIN_DAYS = 14;

/**
 * PHQ-9, GAD-7 and MYMOP2 series. Score, band and flags come from the application's own
 * scoring of the answers, as the server computes them when a measurement is recorded.
 */
export async function seedMeasurements(ctx: ScaleContext): Promise<number> {
  const random = new Random(ctx.options.seed, 'measurements');
  const writer = new BulkWriter(ctx.pg, 'measurements', COLUMNS);
  const { clock } = ctx;
  for (const client of ctx.model.clients) {
    const { timeZone } = client.clinic;
    const plan = client.plan;
    const planFrom = plan ? clock.localDay(plan.createdAt, timeZone) : Infinity;
    for (const series of measurementSeries(client, clock.today, random)) {
      const answers = seriesAnswers(
        series,
        random,
        (index) => series.days[index] <= clock.today - NO_FLAGS_WITHIN_DAYS,
      );
      for (let i = 0; i < series.days.length; i++) {
        const day = series.days[i];
        const outcome = scoreAnswers(series.instrument, answers[i]);
        if (!outcome.ok) throw new Error(`unscorable ${series.instrument.code} answers`);
        const createdAt = clock.instant(day, random.int(9 * 60, 17 * 60), timeZone);
        await writer.add([
          uuid7(createdAt, random),
          client.clinic.id,
          client.id,
          series.instrument.code,
          answers[i],
          outcome.result.score,
          outcome.result.band,
          outcome.result.flags,
          ScaleClock.dateOf(day),
          series.recordedBy.id,
          isoAt(createdAt),
          plan && day >= planFrom && random.chance(0.8) ? plan.id : null,
        ]);
      }
    }
  }
  return writer.close();
}
