'use strict';
/**
 * The calendar's clinic: a day of 8 practitioners and 60 appointments. The scale data set's
 * clinics have 13 to 19 practitioners each, so the benchmark signs up a scratch clinic of its
 * own in the scale database, through the API as a clinic would, and reuses it on later runs
 * (found by its name; the day is the one holding the 60 appointments).
 */
const { randomUUID } = require('node:crypto');
const { generate } = require('otplib');

const CLINIC_NAME = 'Bench web: calendar day';
const TIME_ZONE = 'Europe/Amsterdam';
/** A password of the benchmark's own for its scratch clinic's staff; nothing secret. */
const PASSWORD = 'Tulip-Harbour-Quartz-7319-bench';
const PRACTITIONERS = [
  ['Mei Ling Chen', 'acupuncture'],
  ['Sanne de Vries', 'psychology'],
  ['Noor Bakker', 'nutrition'],
  ['Thijs Visser', 'training'],
  ['Daan Mulder', 'acupuncture'],
  ['Fleur van Dijk', 'psychology'],
  ['Yusuf Demir', 'nutrition'],
  ['Lotte Smit', 'training'],
];
const APPOINTMENTS = 60;
const FIRST_NAMES = [
  'Anna',
  'Bram',
  'Chloé',
  'Dirk',
  'Emma',
  'Farid',
  'Greet',
  'Hugo',
  'Ilse',
  'Jan',
];
const LAST_NAMES = ['Jansen', 'de Boer', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker'];

/** The offset of `zone` from UTC at `instant`, in minutes. */
function offsetMinutes(instant, zone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  );
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return Math.round((asUtc - Math.floor(instant / 60000) * 60000) / 60000);
}

/** The instant of wall-clock `minutes` after midnight of `date` (YYYY-MM-DD) in `zone`. */
function zonedInstant(date, minutes, zone) {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  let instant = wall;
  for (let i = 0; i < 2; i++) instant = wall - offsetMinutes(instant, zone) * 60000;
  return new Date(instant);
}

/** A Tuesday at least a week ahead in `zone`: a weekday on which every booking is in the future. */
function dayAhead(zone) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 8);
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** The scratch clinic, if an earlier run made a complete one: its receptionist and its day. */
async function findClinic(db) {
  const { rows } = await db.query(
    `SELECT c.id,
       (SELECT u.email FROM users u WHERE u.clinic_id = c.id AND 'receptionist' = ANY (u.roles)
          AND u.status = 'active' ORDER BY u.email LIMIT 1) AS receptionist,
       (SELECT count(*)::int FROM users u WHERE u.clinic_id = c.id
          AND 'practitioner' = ANY (u.roles) AND u.status = 'active') AS practitioners,
       (SELECT to_char(a.starts_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD') FROM appointments a
          WHERE a.clinic_id = c.id AND a.status <> 'cancelled'
          GROUP BY 1 HAVING count(*) = $2 ORDER BY 1 LIMIT 1) AS day
     FROM clinics c WHERE c.name = $1 ORDER BY c.id`,
    [CLINIC_NAME, APPOINTMENTS],
  );
  return (
    rows.find((r) => r.receptionist && r.day && r.practitioners === PRACTITIONERS.length) ?? null
  );
}

/** An admin's first sign-in: admins always enrol an authenticator (a TOTP secret). */
async function adminSignIn(api, email) {
  const { json: login } = await api.post(`${api.baseUrl}/api/v1/auth/login`, {
    email,
    password: PASSWORD,
  });
  if (login.accessToken) return login.accessToken;
  if (!login.mfaEnrollmentRequired) throw new Error(`admin login: ${JSON.stringify(login)}`);
  const { json: enrolment } = await api.post(`${api.baseUrl}/api/v1/auth/mfa/enroll`, {
    mfaToken: login.mfaToken,
  });
  const { json: confirmed } = await api.post(`${api.baseUrl}/api/v1/auth/mfa/enroll/confirm`, {
    mfaToken: login.mfaToken,
    code: await generate({ secret: enrolment.secret }),
  });
  if (!confirmed?.accessToken) throw new Error(`admin MFA: ${JSON.stringify(confirmed)}`);
  return confirmed.accessToken;
}

/** Signs the clinic up through the API, with its staff, 60 clients and the day's bookings. */
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
  const addUser = (who, displayName, roles, disciplines) =>
    api.call('POST', '/api/v1/users', admin, {
      email: email(who),
      displayName,
      roles,
      disciplines,
      password: `${PASSWORD}-initial`,
    });
  const receptionistEmail = email('balie');
  await addUser('balie', 'Fatima El Amrani', ['receptionist'], []);
  // An admin-set password must be changed at the first sign-in.
  const initial = await api.login(receptionistEmail, `${PASSWORD}-initial`);
  await api.call('POST', '/api/v1/auth/password', initial, {
    currentPassword: `${PASSWORD}-initial`,
    newPassword: PASSWORD,
  });
  const practitioners = [];
  for (const [index, [name, discipline]] of PRACTITIONERS.entries()) {
    const user = await addUser(`behandelaar${index + 1}`, name, ['practitioner'], [discipline]);
    practitioners.push({ id: user.id, discipline });
  }

  const reception = await api.login(receptionistEmail, PASSWORD);
  const day = dayAhead(TIME_ZONE);
  let booked = 0;
  for (const [index, practitioner] of practitioners.entries()) {
    // 8 appointments for the first four practitioners, 7 for the others: 60 in all.
    const count = index < 4 ? 8 : 7;
    let minutes = 8 * 60 + (index % 3) * 15;
    for (let i = 0; i < count; i++) {
      const n = booked++;
      const client = await api.call('POST', '/api/v1/clients', reception, {
        firstName: FIRST_NAMES[n % FIRST_NAMES.length],
        lastName: `${LAST_NAMES[Math.floor(n / FIRST_NAMES.length)]}`,
        dateOfBirth: `19${50 + (n % 50)}-0${1 + (n % 9)}-1${n % 10}`,
      });
      const length = [45, 60, 30, 60, 45][(n + index) % 5];
      await api.call('POST', '/api/v1/appointments', reception, {
        clientId: client.id,
        practitionerId: practitioner.id,
        type: i === 0 ? 'intake' : practitioner.discipline,
        startsAt: zonedInstant(day, minutes, TIME_ZONE).toISOString(),
        endsAt: zonedInstant(day, minutes + length, TIME_ZONE).toISOString(),
      });
      minutes += length + (n % 2) * 15;
    }
  }
  return { receptionist: receptionistEmail, day };
}

/** The clinic, day and receptionist for the calendar: reused, or made now (some 20 s). */
async function calendarClinic(db, api) {
  const found = await findClinic(db);
  if (found) return { receptionist: found.receptionist, day: found.day, created: false };
  process.stderr.write('calendar: signing up the scratch clinic (8 practitioners, 60 bookings)\n');
  return { ...(await createClinic(api)), created: true };
}

module.exports = { adminSignIn, calendarClinic, PASSWORD, APPOINTMENTS, PRACTITIONERS };
