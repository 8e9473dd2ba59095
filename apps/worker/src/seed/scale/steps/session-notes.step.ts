import type { Phase } from '@meridian/treatment-plans/plan-content';
import { NoteCipher } from '@meridian/session-notes/note-cipher';
import { noteDigest } from '@meridian/session-notes/note-digest';
import { BulkWriter } from '../bulk-writer';
import { ClientTraitBook } from '../notes/client-traits';
import { noteContent } from '../notes/note-content';
import { NoteSession, noteSessions } from '../notes/note-sessions';
import { Random } from '../random';
import { DAY_MS, HOUR_MS, isoAt, MINUTE_MS, ScaleClock } from '../scale-clock';
import type { PlanModel, ScaleContext } from '../scale-model';
import { uuid7 } from '../uuid7';

const COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'clinic_id', type: 'uuid' },
  { name: 'client_id', type: 'uuid' },
  { name: 'practitioner_id', type: 'uuid' },
  { name: 'discipline', type: 'text' },
  { name: 'session_date', type: 'date' },
  { name: 'appointment_id', type: 'uuid' },
  { name: 'treatment_plan_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'content', type: 'jsonb' },
  { name: 'sealed_content', type: 'text' },
  { name: 'key_id', type: 'text' },
  { name: 'content_hash', type: 'text' },
  { name: 'signed_at', type: 'timestamptz' },
  { name: 'signed_by', type: 'uuid' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'version', type: 'integer' },
];

/** Sessions of the last two weeks are often still drafts; older ones nearly never. */
const RECENT_MS = 14 * DAY_MS;

/**
 * Session notes, written by the session's practitioner in their discipline, most linked to
 * the appointment they record. Signed notes carry the SHA-256 the application's signature
 * stores; psychology content is sealed under the configured data key, bound to the note, as
 * NoteCipher seals it. Some recent notes are still drafts.
 */
export async function seedSessionNotes(ctx: ScaleContext): Promise<number> {
  const random = new Random(ctx.options.seed, 'session-notes');
  const { clock } = ctx;
  const sessions = noteSessions(ctx.model, ctx.options.notes, clock, random);
  const cipher = new NoteCipher(ctx.cipher);
  const traits = new ClientTraitBook(ctx.options.seed);
  const appointmentIds = ctx.model.appointments?.id ?? [];
  const writer = new BulkWriter(ctx.pg, 'session_notes', COLUMNS, 5000);
  for (const clinicSessions of sessions) {
    for (const session of clinicSessions) {
      const { client, practitioner, discipline } = session;
      const day = clock.localDay(session.startsAt, client.clinic.timeZone);
      const sessionDate = ScaleClock.dateOf(day);
      const createdAt = Math.min(
        session.endsAt + random.int(5, 300) * MINUTE_MS,
        clock.now - MINUTE_MS,
      );
      const id = uuid7(createdAt, random);
      const recent = session.startsAt >= clock.now - RECENT_MS;
      const signed = !random.chance(recent ? 0.3 : 0.01);
      const edited = random.chance(0.2);
      const signedAt = signed
        ? Math.min(createdAt + random.between(10 * MINUTE_MS, 48 * HOUR_MS), clock.now - MINUTE_MS)
        : null;
      const appointmentId =
        session.appointment >= 0 && random.chance(0.92)
          ? appointmentIds[session.appointment]
          : null;
      const plan = planOnDay(client.plan, session, discipline);
      const linkedPlan = plan && random.chance(0.85) ? plan : null;
      const content = noteContent(
        discipline,
        {
          traits: traits.of(client),
          day,
          weeksInCare: Math.max(0, (day - session.since) / 7),
          phase: plan && phaseOn(plan, sessionDate),
        },
        random,
      );
      const stored = cipher.sealContent(id, discipline, content);
      const contentHash = signed
        ? noteDigest({
            id,
            clientId: client.id,
            practitionerId: practitioner.id,
            discipline,
            sessionDate,
            appointmentId,
            content,
          })
        : null;
      const updatedAt =
        signedAt ?? (edited ? random.between(createdAt, clock.now - MINUTE_MS) : createdAt);
      await writer.add([
        id,
        client.clinic.id,
        client.id,
        practitioner.id,
        discipline,
        sessionDate,
        appointmentId,
        linkedPlan?.id ?? null,
        signed ? 'signed' : 'draft',
        stored.content === null ? null : JSON.stringify(stored.content),
        stored.sealedContent,
        stored.keyId,
        contentHash,
        signedAt === null ? null : isoAt(signedAt),
        signed ? practitioner.id : null,
        isoAt(createdAt),
        isoAt(Math.max(updatedAt, createdAt)),
        (signed ? 2 : 1) + (edited ? 1 : 0),
      ]);
    }
  }
  return writer.close();
}

/** The client's plan when it was in force on the session and covers its discipline. */
function planOnDay(
  plan: PlanModel | null,
  session: NoteSession,
  discipline: string,
): PlanModel | null {
  if (!plan || plan.activatedAt === null || session.startsAt < plan.activatedAt) return null;
  if (plan.endedAt !== null && session.startsAt > plan.endedAt) return null;
  return plan.content.disciplines.some((d) => d === discipline) ? plan : null;
}

function phaseOn(plan: PlanModel, date: string): Phase | null {
  return plan.content.phases.find((p) => p.startsOn <= date && date <= p.endsOn) ?? null;
}
