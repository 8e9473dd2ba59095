import { addDays } from '@meridian/core';
import { DemoCalendar, minutesAfter } from './demo-calendar';
import type { DemoRandom } from './demo-random';
import { CareTeamMemberRow, ClinicRow, ConsentRow, idAt } from './demo-rows';
import type { DemoUser } from './demo-staff';
import type { ClientStory } from './demo-story';

/** Clients (besides new ones) who said no to anonymised outcome statistics. */
const DECLINED_STATISTICS = 6;
/** Clients who agreed to them and later withdrew. */
const WITHDREW_STATISTICS = 2;

interface Context {
  random: DemoRandom;
  calendar: DemoCalendar;
  clinic: ClinicRow;
  reception: DemoUser;
  manager: DemoUser;
}

/**
 * Consents as the desk records them: treatment for everyone (a plan is activated only with
 * it), the sharing and reminder consents for most, and anonymised outcome statistics asked at
 * the intake: most agree, some decline, two withdrew later. The outcome report counts only the
 * clients whose statistics consent is in force.
 */
export function buildConsents(stories: readonly ClientStory[], context: Context): ConsentRow[] {
  const { random, calendar, clinic, reception } = context;
  const asked = stories.filter((story) => story.storyline !== 'new');
  const declined = new Set(random.sample(asked, DECLINED_STATISTICS));
  const withdrew = new Set(
    random.sample(
      asked.filter(
        (story) =>
          !declined.has(story) &&
          story.visits[0].endsAt < minutesAfter(calendar.now, -60 * 24 * 30),
      ),
      WITHDREW_STATISTICS,
    ),
  );
  return stories.flatMap((story) => {
    const registered = story.client.created_at;
    // Paper forms until the clinic went digital half a year ago.
    const method = registered < calendar.at(calendar.day(-180), '00:00') ? 'paper' : 'digital';
    const consent = (
      type: ConsentRow['type'],
      grantedAt: Date,
      recordedBy: string,
      how: ConsentRow['method'] = method,
    ): ConsentRow => ({
      id: idAt(grantedAt),
      clinic_id: clinic.id,
      client_id: story.client.id,
      type,
      method: how,
      note: null,
      recorded_by: recordedBy,
      granted_at: grantedAt,
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawal_method: null,
    });
    const desk = reception.row.id;
    const rows = [consent('treatment', minutesAfter(registered, 2), desk)];
    if (random.chance(0.9))
      rows.push(consent('care-team-sharing', minutesAfter(registered, 2), desk));
    if (random.chance(0.45)) rows.push(consent('gp-sharing', minutesAfter(registered, 2), desk));
    if (story.client.email && random.chance(0.85)) {
      rows.push(consent('email-reminders', minutesAfter(registered, 2), desk));
    }
    if (random.chance(0.25)) rows.push(consent('sms-reminders', minutesAfter(registered, 2), desk));
    if (story.storyline !== 'new' && !declined.has(story)) {
      const intake = story.visits[0];
      const statistics = consent(
        'outcome-statistics',
        minutesAfter(intake.endsAt, 5),
        intake.member.user.row.id,
        'verbal',
      );
      if (withdrew.has(story)) {
        Object.assign(statistics, {
          withdrawn_at: calendar.at(addDays(intake.date, random.int(20, 30)), '10:30'),
          withdrawn_by: desk,
          withdrawal_method: 'digital',
        });
      }
      rows.push(statistics);
    }
    return rows;
  });
}

/** The care teams as a manager set them: the lead from registration, the others from the intake. */
export function buildCareTeams(
  stories: readonly ClientStory[],
  context: Pick<Context, 'calendar' | 'clinic' | 'manager'>,
): CareTeamMemberRow[] {
  return stories.flatMap((story) =>
    story.team.map((member, index) => {
      const createdAt =
        index === 0
          ? minutesAfter(story.client.created_at, 1)
          : minutesAfter(story.visits[0].endsAt, 10);
      return {
        id: idAt(createdAt),
        clinic_id: context.clinic.id,
        client_id: story.client.id,
        user_id: member.user.row.id,
        discipline: member.discipline,
        since: member.since,
        added_by: context.manager.row.id,
        created_at: createdAt,
      };
    }),
  );
}
