import { Discipline } from '@meridian/auth/access/role';
import { daysBetween } from '@meridian/core';
import {
  findStandardInstrument,
  scoreAnswers,
  StandardInstrument,
  StandardInstrumentCode,
} from '@meridian/outcomes/scoring';
import { minutesAfter } from './demo-calendar';
import type { Session } from './demo-appointments';
import type { InstrumentSeries } from './demo-profiles';
import type { DemoRandom } from './demo-random';
import { ClinicRow, idAt, MeasurementRow } from './demo-rows';
import { ClientStory, COURSE_DAYS, Response } from './demo-story';

/** PHQ-9 item 9 (thoughts of self-harm): always 0 in the demo, see {@link answersFor}. */
const SELF_HARM_ITEM = 8;

/** The measurements, and the ones taken at each appointment (for the notes that discuss them). */
export interface DemoMeasurements {
  rows: MeasurementRow[];
  byAppointment: Map<string, MeasurementRow[]>;
}

/**
 * PHQ-9, GAD-7 and MYMOP2 series as the outcomes service records them: answers given at the
 * sessions of the discipline that uses the questionnaire (the first one is the baseline, then
 * every few sessions, and once more at the last session of a completed plan), scored by the
 * project's own scoring so that score, band and flags are what the API would have stored.
 * Most clients improve, some partly, a few not at all: the outcome report has something to say.
 */
export function buildMeasurements(
  sessions: readonly Session[],
  context: { random: DemoRandom; clinic: ClinicRow },
): DemoMeasurements {
  const rows: MeasurementRow[] = [];
  const byAppointment = new Map<string, MeasurementRow[]>();
  const byStory = new Map<ClientStory, Session[]>();
  for (const session of sessions) {
    if (session.appointment.status !== 'completed') continue;
    byStory.set(session.story, [...(byStory.get(session.story) ?? []), session]);
  }
  for (const [story, completed] of byStory) {
    for (const series of story.profile.series) {
      const taken = measuredSessions(story, completed, series);
      const course = new Course(series, story.response, context.random);
      const first = taken[0]?.visit.date;
      for (const session of taken) {
        const row = measurement(
          session,
          series.code,
          course.at(daysBetween(first, session.visit.date)),
          context,
        );
        rows.push(row);
        byAppointment.set(session.appointment.id, [
          ...(byAppointment.get(session.appointment.id) ?? []),
          row,
        ]);
      }
    }
  }
  return { rows, byAppointment };
}

/** The completed sessions at which the client fills the series in. */
function measuredSessions(
  story: ClientStory,
  completed: readonly Session[],
  series: InstrumentSeries,
): Session[] {
  const own = completed.filter((session) => disciplineOf(session) === series.recordedIn);
  const taken = own.filter((_, index) => index % series.every === 0);
  const main = story.plans[0];
  // The exit measurement of a completed plan, at its last session of this discipline.
  const exit = own.filter((session) => session.visit.plan === main).pop();
  if (main?.status === 'completed' && exit && !taken.includes(exit)) taken.push(exit);
  return taken.sort((a, b) => a.visit.startsAt.getTime() - b.visit.startsAt.getTime());
}

/** The discipline a session is in: an intake is in its practitioner's (the lead's) discipline. */
export function disciplineOf(session: Session): Discipline {
  return session.visit.member.discipline;
}

function measurement(
  session: Session,
  code: StandardInstrumentCode,
  score: number,
  context: { random: DemoRandom; clinic: ClinicRow },
): MeasurementRow {
  const instrument = findStandardInstrument(code)!;
  const answers = answersFor(instrument, score, context.random);
  const scored = scoreAnswers(instrument, answers);
  if (!scored.ok)
    throw new Error(`demo seed: ${code} answers refused: ${JSON.stringify(scored.problems)}`);
  // Filled in during the session, handed in before its end.
  const createdAt = minutesAfter(session.visit.endsAt, -5);
  return {
    id: idAt(createdAt),
    clinic_id: context.clinic.id,
    client_id: session.story.client.id,
    instrument: code,
    answers,
    value: null,
    score: scored.result.score,
    band: scored.result.band,
    flags: scored.result.flags,
    taken_on: session.visit.date,
    recorded_by: session.visit.member.user.row.id,
    created_at: createdAt,
    treatment_plan_id: session.visit.plan?.id ?? null,
  };
}

/**
 * Item answers that add up to `score` (for MYMOP2: whose mean is `score`), spread over the
 * items at random. PHQ-9 item 9 stays 0: a positive answer raises an urgent follow-up for a
 * psychologist, which a demo should not pretend to have handled.
 */
export function answersFor(
  instrument: StandardInstrument,
  score: number,
  random: DemoRandom,
): number[] {
  const answers = instrument.items.map(() => instrument.itemMin);
  const open = answers
    .map((_, index) => index)
    .filter((index) => instrument.code !== 'PHQ-9' || index !== SELF_HARM_ITEM);
  const total = Math.round(instrument.code === 'MYMOP2' ? score * answers.length : score);
  for (let given = 0; given < total; given++) {
    const room = open.filter((index) => answers[index] < instrument.itemMax);
    if (room.length === 0) break;
    answers[random.pick(room)] += 1;
  }
  return answers;
}

/** Where a client's score stands some days after the baseline. */
class Course {
  private readonly baseline: number;
  private readonly end: number;
  private readonly step: number;
  private readonly max: number;

  constructor(
    series: InstrumentSeries,
    response: Response,
    private readonly random: DemoRandom,
  ) {
    const instrument = findStandardInstrument(series.code)!;
    // MYMOP2 moves in quarter points (the mean of four items); the others in whole points.
    this.step = series.code === 'MYMOP2' ? 0.25 : 1;
    this.max = series.code === 'PHQ-9' ? 24 : instrument.scoreMax;
    const [low, high] = series.baseline;
    this.baseline = this.round(random.float(low, high, 2));
    const gap = this.baseline - series.target;
    this.end = this.round(
      response === 'good'
        ? series.target - random.float(0, 0.6, 2) * Math.max(series.target, 1)
        : response === 'partial'
          ? this.baseline - gap * random.float(0.35, 0.55, 2)
          : this.baseline + random.float(-1.5, 1.5, 2) * this.step * 2,
    );
  }

  at(days: number): number {
    if (days === 0) return this.baseline;
    const progress = Math.min(1, days / COURSE_DAYS) ** 0.75;
    const noise = this.random.pick([-1, 0, 0, 1]) * this.step;
    return this.round(this.baseline + (this.end - this.baseline) * progress + noise);
  }

  private round(value: number): number {
    const stepped = Math.round(value / this.step) * this.step;
    return Math.min(this.max, Math.max(0, stepped));
  }
}
