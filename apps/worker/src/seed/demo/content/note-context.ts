import type { Phase } from '@meridian/treatment-plans/plan-content';
import type { Session } from '../demo-appointments';
import type { DemoRandom } from '../demo-random';
import type { MeasurementRow } from '../demo-rows';

/** What a practitioner knows when writing the note of a session. */
export interface NoteContext {
  session: Session;
  random: DemoRandom;
  /** Completed sessions of this discipline with the client before this one. */
  index: number;
  /** From 0 at the first session to 1 some four months on: how far treatment has come. */
  progress: number;
  /** The plan's phase on the day, if the session falls in one. */
  phase: Phase | null;
  /** The date of the discipline's previous session, if any. */
  previousDate: string | null;
  /** The questionnaires filled in at this session. */
  measurements: MeasurementRow[];
}

/** Early, middle or late in treatment: notes read differently as a client gets better. */
export function stageOf(context: NoteContext): 0 | 1 | 2 {
  return context.progress < 0.3 ? 0 : context.progress < 0.7 ? 1 : 2;
}
