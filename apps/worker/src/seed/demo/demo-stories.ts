import { addDays } from '@meridian/core';
import { clock, DemoCalendar, minutesAfter } from './demo-calendar';
import { castOutlines, Outline } from './demo-cast';
import { EpisodePlanner } from './demo-episodes';
import { IdentityFactory } from './demo-identities';
import { ALLERGIES } from './demo-profiles';
import type { DemoRandom } from './demo-random';
import { ClinicRow, idAt } from './demo-rows';
import type { DemoUser } from './demo-staff';
import type { ClientStory } from './demo-story';

/** How long the desk takes to register a client with consents and first tasks. */
const REGISTRATION_MINUTES = 30;

export interface StoryContext {
  random: DemoRandom;
  calendar: DemoCalendar;
  clinic: ClinicRow;
  users: readonly DemoUser[];
}

/**
 * Every client's story, oldest registration first (so client numbers follow the calendar):
 * who they are, what they came with, who treats them, their plans and their appointments.
 */
export function buildStories(context: StoryContext): ClientStory[] {
  const identities = new IdentityFactory(context.random, context.calendar);
  const planner = new EpisodePlanner(context);
  return castOutlines(context.random).map((outline) => tell(outline, identities, planner, context));
}

function tell(
  outline: Outline,
  identities: IdentityFactory,
  planner: EpisodePlanner,
  context: StoryContext,
): ClientStory {
  const { random, calendar, clinic } = context;
  const { profile } = outline;
  const createdOn = calendar.day(-outline.ageDays);
  // Registered long enough ago for the consents and tasks recorded right after.
  const createdAt = calendar.notAfterNow(
    calendar.at(createdOn, clock(random.int(9, 16), random.int(0, 59))),
    REGISTRATION_MINUTES,
  );
  const clientId = idAt(createdAt);
  const identity = identities.next();
  const presentation = random.pick(profile.presentations);
  const episode = planner.plan(outline, clientId, createdOn, presentation);
  const { storyline, plans, visits } = episode;

  const ended = plans.find((plan) => plan.endedAt)?.endedAt ?? null;
  const archivedOn =
    outline.archive && ended && plans.length === 1
      ? addDays(calendar.dateOf(ended), random.int(14, 42))
      : null;
  const archivedAt =
    archivedOn && archivedOn < calendar.today ? calendar.at(archivedOn, '11:15') : null;
  // The lead practitioner writes the intake at the first appointment.
  const intakeWritten = storyline === 'new' ? null : minutesAfter(visits[0].endsAt, 15);
  const female = identity.sex === 'female';
  return {
    client: {
      id: clientId,
      clinic_id: clinic.id,
      client_number: outline.number,
      first_name: identity.firstName,
      last_name: identity.lastName,
      date_of_birth: identity.dateOfBirth,
      sex: identity.sex,
      email: identity.email,
      phone: identity.phone,
      preferred_language: identity.preferredLanguage,
      street: identity.street,
      postal_code: identity.postalCode,
      city: identity.city,
      general_practitioner: identity.generalPractitioner,
      emergency_contact: identity.emergencyContact,
      intake: intakeWritten
        ? {
            complaints: presentation.complaint,
            diagnoses: presentation.diagnoses,
            medication: presentation.medication,
            allergies: [...random.pick(ALLERGIES)],
            dietHistory: random.pick(profile.dietHistory),
          }
        : null,
      primary_practitioner_id: episode.team[0].user.row.id,
      status: archivedAt ? 'archived' : 'active',
      archived_at: archivedAt,
      created_at: createdAt,
      updated_at: archivedAt ?? intakeWritten ?? createdAt,
      version: 1 + (intakeWritten ? 1 : 0) + (archivedAt ? 1 : 0),
    },
    profile,
    presentation,
    ...episode,
    response: random.chance(0.72) ? 'good' : random.chance(0.65) ? 'partial' : 'none',
    startWeightKg:
      random.float(female ? 58 : 72, female ? 92 : 112, 1) + (profile.key === 'metabolic' ? 14 : 0),
  };
}
