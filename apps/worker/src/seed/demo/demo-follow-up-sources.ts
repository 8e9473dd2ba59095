import { addDays } from '@meridian/core';
import type { Session } from './demo-appointments';
import { DemoCalendar, minutesAfter } from './demo-calendar';
import type { SigningFollowUp } from './demo-notes';
import type { FollowUpType } from './demo-rows';
import type { DemoUser } from './demo-staff';
import type { ClientStory } from './demo-story';

/** A task as raised, before anyone worked it. */
export interface Raised {
  clientId: string;
  type: FollowUpType;
  assigneeUserId: string | null;
  dueAt: Date;
  note: string | null;
  sourceKey: string | null;
  createdBy: string | null;
  createdAt: Date;
  /** Who works it: the assignee, or the receptionist for the queue. */
  worker: string;
  /** When the client's record was archived: their open tasks were closed by then. */
  archivedAt: Date | null;
}

interface Context {
  calendar: DemoCalendar;
  reception: DemoUser;
}

/**
 * Every task the year raised, before anyone worked it: what the services raise themselves (a
 * call for every no-show, a plan review on the last day of each phase, what signatures asked
 * for) and the desk's own (intake forms by e-mail, lab results from the GP, an evaluation
 * after a plan). Tasks that would be raised later than now are left out.
 */
export function raisedTasks(
  input: {
    stories: readonly ClientStory[];
    sessions: readonly Session[];
    signings: readonly SigningFollowUp[];
  },
  context: Context,
): Raised[] {
  return [
    ...noShowCalls(input.sessions, context),
    ...phaseReviews(input.stories, context),
    ...input.signings.map((signing) => fromSigning(signing, input.stories, context)),
    ...deskTasks(input.stories, context),
  ].filter((task) => context.calendar.isPast(task.createdAt));
}

/** What the scheduling service raises when reception marks a no-show. */
function noShowCalls(sessions: readonly Session[], context: Context): Raised[] {
  const { calendar, reception } = context;
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: calendar.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return sessions
    .filter((session) => session.appointment.status === 'no-show')
    .map(({ appointment, story }) => ({
      clientId: story.client.id,
      type: 'call',
      assigneeUserId: null,
      dueAt: appointment.updated_at,
      note: `Missed the appointment of ${local.format(appointment.starts_at)}: call the client to rebook.`,
      sourceKey: `no-show:${appointment.id}`,
      createdBy: reception.row.id,
      createdAt: appointment.updated_at,
      worker: reception.row.id,
      archivedAt: story.client.archived_at,
    }));
}

/** What the worker raises on the last day of each phase of an active plan. */
function phaseReviews(stories: readonly ClientStory[], context: Context): Raised[] {
  const { calendar } = context;
  return stories.flatMap((story) =>
    story.plans.flatMap((plan) => {
      if (!plan.activatedAt) return [];
      const from = calendar.dateOf(plan.activatedAt);
      const until = plan.endedAt ? calendar.dateOf(plan.endedAt) : calendar.day(1);
      const lead = plan.team[0].user.row.id;
      return plan.phases
        .map((phase, index) => ({ phase, index }))
        .filter(({ phase }) => phase.endsOn >= from && phase.endsOn < until)
        .map(({ phase, index }) => {
          const diet = phase.dietProtocol ? `, ${phase.dietProtocol}` : '';
          return {
            clientId: story.client.id,
            type: 'review-plan' as const,
            assigneeUserId: lead,
            dueAt: calendar.at(phase.endsOn, '17:00'),
            note: `Phase ${index + 1} of ${plan.phases.length} (${phase.kind}${diet}) of “${plan.title}” ends on ${phase.endsOn}: review the plan with the client.`,
            sourceKey: `plan-phase-end:${plan.id}:${phase.id}:${phase.endsOn}`,
            createdBy: null,
            createdAt: calendar.at(phase.endsOn, '08:00'),
            worker: lead,
            archivedAt: story.client.archived_at,
          };
        });
    }),
  );
}

/** What the session-notes service raises when a signature asks for a follow-up. */
function fromSigning(
  signing: SigningFollowUp,
  stories: readonly ClientStory[],
  context: Context,
): Raised {
  const { calendar } = context;
  const signedAt = signing.note.signed_at!;
  const story = stories.find((s) => s.client.id === signing.note.client_id)!;
  return {
    clientId: signing.note.client_id,
    type: signing.type,
    assigneeUserId: signing.note.practitioner_id,
    dueAt: calendar.at(addDays(calendar.dateOf(signedAt), signing.inDays), '09:00'),
    note: signing.text,
    sourceKey: `session-note:${signing.note.id}`,
    createdBy: signing.note.practitioner_id,
    createdAt: signedAt,
    worker: signing.note.practitioner_id,
    archivedAt: story.client.archived_at,
  };
}

/** Tasks reception and practitioners put in the reception queue by hand. */
function deskTasks(stories: readonly ClientStory[], context: Context): Raised[] {
  const { calendar, reception } = context;
  const queue = (
    story: ClientStory,
    type: FollowUpType,
    dueAt: Date,
    note: string,
    createdBy: string,
    createdAt: Date,
  ): Raised => ({
    clientId: story.client.id,
    type,
    assigneeUserId: null,
    dueAt,
    note,
    sourceKey: null,
    createdBy,
    createdAt,
    worker: reception.row.id,
    archivedAt: story.client.archived_at,
  });
  return stories.flatMap((story) => {
    const tasks: Raised[] = [];
    const registered = story.client.created_at;
    const lead = story.team[0].user.row.id;
    const intake = story.visits[0];
    if (story.client.email) {
      tasks.push(
        queue(
          story,
          'email',
          calendar.at(addDays(calendar.dateOf(registered), 1), '10:00'),
          'Intakeformulier en vragenlijsten digitaal sturen vóór de intake.',
          reception.row.id,
          minutesAfter(registered, 4),
        ),
      );
    }
    if (story.storyline !== 'new' && ['gut', 'metabolic'].includes(story.profile.key)) {
      tasks.push(
        queue(
          story,
          'other',
          calendar.at(addDays(intake.date, 3), '12:00'),
          'Recente labuitslagen (TSH, HbA1c, ferritine, vitamine D) opvragen bij de huisarts.',
          lead,
          minutesAfter(intake.endsAt, 10),
        ),
      );
    }
    const completed = story.plans.find((plan) => plan.status === 'completed');
    if (completed?.endedAt) {
      tasks.push(
        queue(
          story,
          'book-appointment',
          calendar.at(addDays(calendar.dateOf(completed.endedAt), 90), '10:00'),
          'Evaluatieafspraak drie maanden na afronding van het plan inplannen.',
          lead,
          completed.endedAt,
        ),
      );
    }
    return tasks;
  });
}
