'use strict';
/**
 * The chart's clinic: one client whose care team of four practitioners (one per discipline)
 * signed 200 notes over about two years. The scale clients have far fewer notes each, so the
 * benchmark signs up a scratch clinic of its own in the scale database, through the API as a
 * clinic would, and reuses it on later runs (found by its name and the 200 signed notes). The
 * notes' content is the scale data set's own (its generators in the built worker): what the
 * API accepts and a clinic writes. The psychologist is who opens the chart and types.
 */
const { randomUUID } = require('node:crypto');
const path = require('node:path');
const setting = require('../lib/setting');
const { adminSignIn, PASSWORD } = require('./calendar-clinic');

const CLINIC_NAME = 'Bench web: chart of 200 notes';
const TIME_ZONE = 'Europe/Amsterdam';
const NOTES = 200;
const TEAM = [
  ['acupunctuur', 'Mei Ling Chen', 'acupuncture'],
  ['psycholoog', 'Sanne de Vries', 'psychology'],
  ['voeding', 'Noor Bakker', 'nutrition'],
  ['training', 'Thijs Visser', 'training'],
];
const CLIENT = { firstName: 'Marieke', lastName: 'Hoekstra', dateOfBirth: '1979-05-21' };
/** Days between sessions, taken in turn: a client seen most weeks by one of the four. */
const GAPS = [3, 4, 2, 5, 3, 4];

const scaleSeed = (file) =>
  require(path.join(setting.ROOT, 'dist/apps/worker/apps/worker/src/seed/scale', file));

/** The scratch clinic, if an earlier run made it whole: the client and the psychologist. */
async function findClinic(db) {
  const { rows } = await db.query(
    `SELECT cl.id AS "clientId",
       (SELECT u.email FROM care_team_members m JOIN users u ON u.id = m.user_id
          WHERE m.client_id = cl.id AND m.discipline = 'psychology' LIMIT 1) AS psychologist,
       (SELECT count(DISTINCT n.discipline)::int FROM session_notes n
          WHERE n.client_id = cl.id AND n.status = 'signed') AS disciplines
     FROM clinics c JOIN clients cl ON cl.clinic_id = c.id
     WHERE c.name = $1
       AND (SELECT count(*) FROM session_notes n
              WHERE n.client_id = cl.id AND n.status = 'signed') = $2
     ORDER BY c.id LIMIT 1`,
    [CLINIC_NAME, NOTES],
  );
  const [found] = rows;
  return found?.psychologist && found.disciplines === TEAM.length ? found : null;
}

/** The day `days` before today in the clinic (YYYY-MM-DD). */
function daysAgo(days) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

/** Signs the clinic up with its team and client, and has each of the four sign their notes. */
async function createClinic(api) {
  const tag = randomUUID().slice(0, 8);
  const email = (who) => `${who}.${tag}@bench-web.example`;
  const signUp = await api.post(`${api.baseUrl}/api/v1/clinics`, {
    name: CLINIC_NAME,
    timeZone: TIME_ZONE,
    locale: 'nl',
    mfaRequired: false,
    admin: { email: email('beheer'), password: PASSWORD, displayName: 'Beheer Bench' },
  });
  if (signUp.response.status !== 201) throw new Error(`sign-up: ${JSON.stringify(signUp.json)}`);
  const admin = await adminSignIn(api, email('beheer'));
  const team = [];
  for (const [who, displayName, discipline] of TEAM) {
    const user = await api.call('POST', '/api/v1/users', admin, {
      email: email(who),
      displayName,
      roles: ['practitioner'],
      disciplines: [discipline],
      password: `${PASSWORD}-initial`,
    });
    // An admin-set password must be changed at the first sign-in.
    const initial = await api.login(email(who), `${PASSWORD}-initial`);
    await api.call('POST', '/api/v1/auth/password', initial, {
      currentPassword: `${PASSWORD}-initial`,
      newPassword: PASSWORD,
    });
    team.push({ id: user.id, email: email(who), discipline, token: null });
  }
  for (const member of team) member.token = await api.login(member.email, PASSWORD);
  const [, psychologist] = team;

  const client = await api.call('POST', '/api/v1/clients', psychologist.token, {
    ...CLIENT,
    sex: 'female',
  });
  // Practitioners may only add themselves, and only when booked with the client.
  await api.call('PUT', `/api/v1/clients/${client.id}/care-team`, admin, {
    members: team.map((m) => ({ userId: m.id, discipline: m.discipline })),
  });
  await api.call('POST', `/api/v1/clients/${client.id}/consents`, psychologist.token, {
    type: 'treatment',
    method: 'paper',
  });

  const { noteContent } = scaleSeed('notes/note-content.js');
  const { ClientTraitBook } = scaleSeed('notes/client-traits.js');
  const { Random } = scaleSeed('random.js');
  const traits = new ClientTraitBook(19).of({ id: client.id, sex: 'female' });
  const random = new Random(19, 'bench-web:chart');
  const DAY_MS = 86_400_000;
  // Oldest first, as they were written: the newest session is the day before yesterday.
  let ago = 2;
  const sessions = [];
  for (let i = 0; i < NOTES; i++) {
    sessions.push(ago);
    ago += GAPS[i % GAPS.length];
  }
  sessions.reverse();
  const firstDay = sessions[0];
  for (const [i, agoDays] of sessions.entries()) {
    const author = team[i % team.length];
    const sessionDate = daysAgo(agoDays);
    const content = noteContent(
      author.discipline,
      {
        traits,
        day: Math.floor(Date.parse(`${sessionDate}T00:00:00Z`) / DAY_MS),
        weeksInCare: Math.floor((firstDay - agoDays) / 7),
        phase: null,
      },
      random,
    );
    const note = await api.call(
      'POST',
      `/api/v1/clients/${client.id}/session-notes`,
      author.token,
      {
        discipline: author.discipline,
        sessionDate,
        content,
      },
    );
    await api.call('POST', `/api/v1/session-notes/${note.id}/sign`, author.token, {});
  }
  return { clientId: client.id, psychologist: psychologist.email };
}

/**
 * Deletes the psychologist's drafts of the client that an interrupted run left: the timeline
 * shows its viewer's own drafts too, and must hold the 200 signed notes only.
 */
async function deleteLeftDrafts(api, token, clientId) {
  const own = await api.call('GET', '/api/v1/session-notes?status=draft&limit=200', token);
  for (const note of own.data.filter((n) => (n.client?.id ?? n.clientId) === clientId)) {
    await api.call('DELETE', `/api/v1/session-notes/${note.id}`, token);
  }
}

/** The chart's client and the psychologist of its care team: reused, or made now (a minute). */
async function chartClinic(db, api) {
  let found = await findClinic(db);
  if (!found) {
    process.stderr.write('chart: signing up the scratch clinic (4 practitioners, 200 notes)\n');
    found = await createClinic(api);
  }
  const token = await api.login(found.psychologist, PASSWORD);
  await deleteLeftDrafts(api, token, found.clientId);
  return { clientId: found.clientId, psychologist: found.psychologist, token };
}

module.exports = { chartClinic, daysAgo, NOTES, PASSWORD };
