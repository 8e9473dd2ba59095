import { Role } from '@meridian/auth/access/role';
import { PasswordHasher } from '@meridian/auth/passwords/password-hasher';
import { DataCipher } from '@meridian/core';
import { NoteCipher } from '@meridian/session-notes/note-cipher';
import { buildAppointments } from './demo-appointments';
import { DEMO_TIME_ZONE, DemoCalendar } from './demo-calendar';
import { buildCareTeams, buildConsents } from './demo-consents';
import { buildFollowUps } from './demo-follow-ups';
import { buildMeasurements } from './demo-measurements';
import { buildNotes } from './demo-notes';
import { buildPlans } from './demo-plans';
import { DemoRandom } from './demo-random';
import { ClinicRow, DemoDataset, idAt } from './demo-rows';
import { buildStaff, credentialsOf, DemoCredential, DemoUser } from './demo-staff';
import { buildStories } from './demo-stories';

export const DEMO_CLINIC_NAME = 'Demo Kliniek';
/** The clinic opened a little over a year ago: the oldest client came in its first weeks. */
const CLINIC_AGE_DAYS = 400;

export interface DemoBuild {
  dataset: DemoDataset;
  credentials: DemoCredential[];
}

/**
 * The whole demo clinic in memory, every value made by the project's own functions (password
 * hashing, scoring, note validation, sealing and digest, plan rules), dated around `now`.
 */
export async function buildDemoDataset(options: {
  now: Date;
  cipher: DataCipher;
  hasher?: PasswordHasher;
}): Promise<DemoBuild> {
  const random = new DemoRandom();
  const calendar = new DemoCalendar(options.now);
  const opened = calendar.at(calendar.day(-CLINIC_AGE_DAYS), '09:00');
  const clinic: ClinicRow = {
    id: idAt(opened),
    name: DEMO_CLINIC_NAME,
    time_zone: DEMO_TIME_ZONE,
    locale: 'nl',
    mfa_required: false,
    reminder_lead_minutes: 1440,
    escalation_grace_hours: 48,
    demo: true,
    created_at: opened,
    updated_at: opened,
    version: 1,
  };
  const users = await buildStaff(clinic, options.hasher);
  const reception = userWithRole(users, Role.Receptionist);
  const manager = userWithRole(users, Role.Manager);
  const context = { random, calendar, clinic, reception, manager, users };

  const stories = buildStories(context);
  const sessions = buildAppointments(stories, context);
  const measurements = buildMeasurements(sessions, context);
  const plans = buildPlans(stories, measurements.rows, context);
  const notes = buildNotes(sessions, measurements.byAppointment, {
    ...context,
    cipher: new NoteCipher(options.cipher),
  });
  const followUps = buildFollowUps({ stories, sessions, signings: notes.followUps }, context);
  return {
    dataset: {
      clinics: [clinic],
      users: users.map((user) => user.row),
      clients: stories.map((story) => story.client),
      client_number_counters: [{ clinic_id: clinic.id, last_number: stories.length }],
      consents: buildConsents(stories, context),
      care_team_members: buildCareTeams(stories, context),
      treatment_plans: plans.plans,
      treatment_plan_versions: plans.versions,
      measurements: measurements.rows,
      appointments: sessions.map((session) => session.appointment),
      session_notes: notes.rows,
      follow_up_tasks: followUps,
    },
    credentials: credentialsOf(users),
  };
}

function userWithRole(users: readonly DemoUser[], role: Role): DemoUser {
  return users.find((user) => user.member.roles.includes(role))!;
}
