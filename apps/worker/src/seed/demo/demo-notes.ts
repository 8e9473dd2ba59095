import { Discipline } from '@meridian/auth/access/role';
import { daysBetween } from '@meridian/core';
import { findPoint } from '@meridian/session-notes/acupuncture/point-catalog';
import { checkContent } from '@meridian/session-notes/content/note-content';
import type { NoteCipher } from '@meridian/session-notes/note-cipher';
import { noteDigest } from '@meridian/session-notes/note-digest';
import { acupunctureContent } from './content/acupuncture-notes';
import type { NoteContext } from './content/note-context';
import { nutritionContent } from './content/nutrition-notes';
import { psychologyContent } from './content/psychology-notes';
import { trainingContent } from './content/training-notes';
import type { Session } from './demo-appointments';
import { DemoCalendar, minutesAfter } from './demo-calendar';
import { disciplineOf } from './demo-measurements';
import { phaseOn } from './demo-phases';
import type { DemoRandom } from './demo-random';
import { ClinicRow, FollowUpType, idAt, MeasurementRow, SessionNoteRow } from './demo-rows';
import { COURSE_DAYS } from './demo-story';

/** Of today's notes, the share still a draft: practitioners sign at the end of the day. */
const DRAFT_TODAY = 0.35;
/** Of signed notes, the share whose signature asks for a follow-up. */
const FOLLOW_UP = 0.1;

const CONTENT: Record<Discipline, (context: NoteContext) => Record<string, unknown>> = {
  acupuncture: acupunctureContent,
  psychology: psychologyContent,
  nutrition: nutritionContent,
  training: trainingContent,
};

/** What a signature asked for (`POST /session-notes/:id/sign` with `followUp`). */
export interface SigningFollowUp {
  note: SessionNoteRow;
  inDays: number;
  type: FollowUpType;
  /** Never on a psychology note: the task list is read outside psychology. */
  text: string | null;
}

const FOLLOW_UPS: Record<Discipline, Omit<SigningFollowUp, 'note'>[]> = {
  acupuncture: [
    { inDays: 14, type: 'call', text: 'Bellen hoe het gaat na de eerste behandelingen.' },
  ],
  psychology: [{ inDays: 14, type: 'send-questionnaire', text: null }],
  nutrition: [
    {
      inDays: 7,
      type: 'send-questionnaire',
      text: 'MYMOP2 laten invullen vóór de volgende afspraak.',
    },
    { inDays: 14, type: 'book-appointment', text: 'Afspraak inplannen voor de volgende fase.' },
  ],
  training: [
    { inDays: 28, type: 'book-appointment', text: 'Evaluatie van de krachttesten inplannen.' },
  ],
};

export interface DemoNotes {
  rows: SessionNoteRow[];
  followUps: SigningFollowUp[];
}

/**
 * A note for every completed session, as the session-notes service stores it: content in the
 * discipline's shape and run through the service's own validation (point codes made
 * canonical), psychology content sealed with the note cipher and never stored in clear, and
 * the signature's SHA-256 over the canonical note. Most are signed; some of today's are still
 * drafts.
 */
export function buildNotes(
  sessions: readonly Session[],
  byAppointment: ReadonlyMap<string, MeasurementRow[]>,
  context: { random: DemoRandom; calendar: DemoCalendar; clinic: ClinicRow; cipher: NoteCipher },
): DemoNotes {
  const notes: DemoNotes = { rows: [], followUps: [] };
  const done = sessions.filter((session) => session.appointment.status === 'completed');
  const firstOf = new Map<string, string>();
  const history = new Map<string, string[]>();
  for (const session of done) {
    const client = session.story.client.id;
    const discipline = disciplineOf(session);
    if (!firstOf.has(client)) firstOf.set(client, session.visit.date);
    const before = history.get(`${client}|${discipline}`) ?? [];
    history.set(`${client}|${discipline}`, [...before, session.visit.date]);
    const plan = session.visit.plan;
    const raw = CONTENT[discipline]({
      session,
      random: context.random,
      index: before.length,
      progress: Math.min(1, daysBetween(firstOf.get(client)!, session.visit.date) / COURSE_DAYS),
      phase: plan ? phaseOn(plan.phases, session.visit.date) : null,
      previousDate: before[before.length - 1] ?? null,
      measurements: byAppointment.get(session.appointment.id) ?? [],
    });
    const content = validContent(discipline, raw);
    const row = noteRow(session, discipline, content, context);
    notes.rows.push(row);
    if (
      row.status === 'signed' &&
      session.visit.type !== 'intake' &&
      context.random.chance(FOLLOW_UP)
    ) {
      notes.followUps.push({ note: row, ...context.random.pick(FOLLOW_UPS[discipline]) });
    }
  }
  return notes;
}

/** The content as the service would store it, or an error naming what the API would refuse. */
function validContent(
  discipline: Discipline,
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const checked = checkContent(discipline, raw);
  if (!checked.ok) {
    throw new Error(`demo seed: invalid ${discipline} note: ${JSON.stringify(checked.errors)}`);
  }
  const content = checked.content;
  if (Array.isArray(content.points)) {
    content.points = (content.points as { code: string }[]).map((point) => {
      const known = findPoint(point.code);
      if (!known) throw new Error(`demo seed: ${point.code} is not a WHO acupuncture point`);
      return { ...point, code: known.code };
    });
  }
  return content;
}

function noteRow(
  session: Session,
  discipline: Discipline,
  content: Record<string, unknown>,
  context: { random: DemoRandom; calendar: DemoCalendar; clinic: ClinicRow; cipher: NoteCipher },
): SessionNoteRow {
  const { random, calendar } = context;
  const { visit, appointment, story } = session;
  const createdAt = calendar.notAfterNow(minutesAfter(visit.endsAt, 5));
  const id = idAt(createdAt);
  const signedAt = minutesAfter(visit.endsAt, random.int(10, 120));
  const signed =
    calendar.isPast(signedAt) && !(visit.date === calendar.today && random.chance(DRAFT_TODAY));
  const practitioner = visit.member.user.row.id;
  const stored = context.cipher.sealContent(id, discipline, content);
  return {
    id,
    clinic_id: context.clinic.id,
    client_id: story.client.id,
    practitioner_id: practitioner,
    discipline,
    session_date: visit.date,
    appointment_id: appointment.id,
    treatment_plan_id: visit.plan?.id ?? null,
    status: signed ? 'signed' : 'draft',
    content: stored.content,
    sealed_content: stored.sealedContent,
    key_id: stored.keyId,
    content_hash: signed
      ? noteDigest({
          id,
          clientId: story.client.id,
          practitionerId: practitioner,
          discipline,
          sessionDate: visit.date,
          appointmentId: appointment.id,
          content,
        })
      : null,
    signed_at: signed ? signedAt : null,
    signed_by: signed ? practitioner : null,
    created_at: createdAt,
    updated_at: signed ? signedAt : createdAt,
    version: signed ? 2 : 1,
  };
}
