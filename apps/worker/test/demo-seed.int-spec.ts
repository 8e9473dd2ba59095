import { Discipline, DISCIPLINES, ROLES } from '@meridian/auth/access/role';
import { PasswordHasher } from '@meridian/auth/passwords/password-hasher';
import { passwordProblem } from '@meridian/auth/passwords/password-policy';
import { CreateClientDto } from '@meridian/clients/dto/create-client.dto';
import {
  addDays,
  AppConfig,
  ConfigValidationError,
  DataCipher,
  todayIn,
  validateConfig,
  zonedInstant,
} from '@meridian/core';
import { findStandardInstrument, scoreAnswers } from '@meridian/outcomes/scoring';
import { findPoint } from '@meridian/session-notes/acupuncture/point-catalog';
import { checkContent } from '@meridian/session-notes/content/note-content';
import { contentContext } from '@meridian/session-notes/note-cipher';
import { noteDigest } from '@meridian/session-notes/note-digest';
import { ThrowawayDatabase } from '@meridian/testing';
import { CreateTreatmentPlanDto } from '@meridian/treatment-plans/dto/write-plan.dto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '../src/seed/demo/demo-staff';
import { configSkipReason, DemoSeedResult, seedDemo } from '../src/seed/demo/seed-demo';

const ZONE = 'Europe/Amsterdam';
const HOUR = 3_600_000;
/** The outcome report suppresses groups of fewer clients than this. */
const SMALLEST_GROUP = 5;

/**
 * The demo clinic `npm start` seeds. The seed acts only on a database without clinics, so it
 * runs against throwaway databases cloned from this run's migrated template (the worker's
 * own database holds the clinics of other tests): one it seeds, one that must stay empty.
 */
describe('demo:seed', () => {
  let seededDb: ThrowawayDatabase;
  let emptyDb: ThrowawayDatabase;
  const env = (database: ThrowawayDatabase, extra: Record<string, string> = {}) =>
    validateConfig({ ...process.env, DATABASE_URL: database.url, ...extra });

  let config: AppConfig;
  let db: Client;
  let first: DemoSeedResult;
  let printed = '';

  const rows = async <T extends object>(sql: string, params: unknown[] = []) =>
    (await db.query<T>(sql, params)).rows;
  const silent = { write: () => true };

  beforeAll(async () => {
    seededDb = await ThrowawayDatabase.create('demo');
    emptyDb = await ThrowawayDatabase.create('demo_empty');
    config = env(seededDb);
    first = await seedDemo(config, { write: (text: string) => (printed += text) });
    db = new Client({ connectionString: config.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await seededDb?.drop();
    await emptyDb?.drop();
  });

  it('seeds "Demo Kliniek", marked demo, without required MFA, and prints how to sign in', async () => {
    expect(first.seeded).toBe(true);
    expect(await rows(`SELECT name, time_zone, locale, mfa_required, demo FROM clinics`)).toEqual([
      { name: 'Demo Kliniek', time_zone: ZONE, locale: 'nl', mfa_required: false, demo: true },
    ]);
    expect(printed).toContain('admin@demo-kliniek.example');
    expect(printed).toContain(DEMO_PASSWORD);
  });

  it('has one user per role and a practitioner in every discipline, all with the printed password', async () => {
    const users = await rows<{
      email: string;
      roles: string[];
      disciplines: string[];
      password_hash: string;
      password_change_required: boolean;
    }>(`SELECT email, roles, disciplines, password_hash, password_change_required FROM users`);
    for (const role of ROLES) {
      expect(users.filter((user) => user.roles.includes(role)).length).toBeGreaterThanOrEqual(1);
    }
    expect(
      users.filter((user) => user.roles.includes('practitioner')).length,
    ).toBeGreaterThanOrEqual(5);
    for (const discipline of DISCIPLINES) {
      expect(users.some((user) => user.disciplines.includes(discipline))).toBe(true);
    }
    const hasher = new PasswordHasher();
    for (const user of users) {
      expect(user.email).toMatch(/@demo-kliniek\.example$/);
      expect(user.password_change_required).toBe(false);
      expect(await hasher.verify(user.password_hash, DEMO_PASSWORD)).toEqual({
        valid: true,
        needsRehash: false,
      });
    }
    // The password would pass the policy a user's own choice must meet.
    expect(
      passwordProblem(
        DEMO_PASSWORD,
        users.map((user) => user.email),
      ),
    ).toBeNull();
    // The README's table says the same as the seed prints.
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    expect(readme).toContain(`\`${DEMO_PASSWORD}\``);
    for (const user of users) expect(readme).toContain(`\`${user.email}\``);
    expect(first.seeded && first.credentials.map((c) => c.email).sort()).toEqual(
      users.map((user) => user.email).sort(),
    );
  });

  it('has about 60 clients as the API would have registered them, numbered by the counter', async () => {
    const clients = await rows<{
      number: number;
      status: string;
      createdAt: Date;
      body: Record<string, unknown>;
    }>(
      `SELECT client_number AS number, status, created_at AS "createdAt",
              jsonb_strip_nulls(jsonb_build_object(
                'firstName', first_name, 'lastName', last_name, 'dateOfBirth', date_of_birth,
                'sex', sex, 'email', email, 'phone', phone, 'preferredLanguage', preferred_language,
                'street', street, 'postalCode', postal_code, 'city', city,
                'generalPractitioner', general_practitioner, 'emergencyContact', emergency_contact,
                'intake', intake, 'primaryPractitionerId', primary_practitioner_id)) AS body
       FROM clients ORDER BY client_number`,
    );
    expect(clients.length).toBeGreaterThanOrEqual(55);
    expect(clients.length).toBeLessThanOrEqual(65);
    expect(clients.map((client) => client.number)).toEqual(clients.map((_, index) => index + 1));
    expect(await rows(`SELECT last_number FROM client_number_counters`)).toEqual([
      { last_number: clients.length },
    ]);
    // Each record as a POST /clients body passes the API's own validation.
    for (const client of clients) expect(dtoErrors(CreateClientDto, client.body)).toEqual([]);
    expect(clients.filter((client) => client.status === 'archived').length).toBeGreaterThanOrEqual(
      3,
    );
    const created = clients.map((client) => client.createdAt.getTime());
    expect(Math.max(...created) - Math.min(...created)).toBeGreaterThan(300 * 24 * HOUR);
  });

  it('records treatment consent for everyone and outcome statistics for most, not all', async () => {
    const [counts] = await rows<{ clients: number; treatment: number; statistics: number }>(
      `SELECT (SELECT count(*)::int FROM clients) AS clients,
              count(DISTINCT client_id) FILTER (WHERE type = 'treatment')::int AS treatment,
              count(DISTINCT client_id) FILTER (WHERE type = 'outcome-statistics'
                                                  AND withdrawn_at IS NULL)::int AS statistics
       FROM consents`,
    );
    expect(counts.treatment).toBe(counts.clients);
    expect(counts.statistics).toBeGreaterThan(counts.clients / 2);
    expect(counts.statistics).toBeLessThan(counts.clients);
  });

  it('has signed notes of every discipline, valid, psychology sealed, signatures intact', async () => {
    const notes = await rows<{
      id: string;
      client_id: string;
      practitioner_id: string;
      discipline: Discipline;
      session_date: string;
      appointment_id: string | null;
      status: string;
      content: Record<string, unknown> | null;
      sealed_content: string | null;
      content_hash: string | null;
    }>(
      `SELECT id, client_id, practitioner_id, discipline, session_date::text AS session_date,
              appointment_id, status, content, sealed_content, content_hash
       FROM session_notes`,
    );
    for (const discipline of DISCIPLINES) {
      expect(
        notes.filter((note) => note.discipline === discipline && note.status === 'signed').length,
      ).toBeGreaterThanOrEqual(10);
    }
    const cipher = new DataCipher(config);
    for (const note of notes) {
      if (note.discipline === Discipline.Psychology) {
        expect(note.content).toBeNull();
        expect(note.sealed_content).toMatch(/^v1\./);
      } else {
        expect(note.sealed_content).toBeNull();
      }
      const content =
        note.sealed_content === null
          ? note.content!
          : JSON.parse(cipher.decrypt(note.sealed_content, contentContext(note.id)));
      const checked = checkContent(note.discipline, content);
      expect(checked).toEqual({ ok: true, content });
      for (const point of (content.points ?? []) as { code: string }[]) {
        expect(findPoint(point.code)?.code).toBe(point.code);
      }
      if (note.status === 'signed') {
        const { id, session_date, appointment_id } = note;
        expect(note.content_hash).toBe(
          noteDigest({
            id,
            clientId: note.client_id,
            practitionerId: note.practitioner_id,
            discipline: note.discipline,
            sessionDate: session_date,
            appointmentId: appointment_id,
            content,
          }),
        );
      }
    }
  });

  it('stores measurements scored exactly as the scoring functions score them', async () => {
    const measurements = await rows<{
      instrument: string;
      answers: number[];
      score: number;
      band: string | null;
      flags: string[];
    }>(`SELECT instrument, answers, score, band, flags FROM measurements`);
    expect(new Set(measurements.map((m) => m.instrument))).toEqual(
      new Set(['PHQ-9', 'GAD-7', 'MYMOP2']),
    );
    for (const measurement of measurements) {
      const scored = scoreAnswers(
        findStandardInstrument(measurement.instrument)!,
        measurement.answers,
      );
      expect(scored).toEqual({
        ok: true,
        result: { score: measurement.score, band: measurement.band, flags: measurement.flags },
      });
    }
  });

  it('gives the outcome report at least 10 clients per instrument and no suppressed group', async () => {
    const series = await rows<{
      instrument: string;
      discipline: string;
      clients: number;
      improved: number;
    }>(
      `WITH consented AS (
         SELECT client_id FROM consents WHERE type = 'outcome-statistics' AND withdrawn_at IS NULL),
       series AS (
         SELECT m.client_id, m.instrument,
                (array_agg(m.score ORDER BY m.taken_on, m.created_at))[1] AS baseline,
                (array_agg(m.score ORDER BY m.taken_on DESC, m.created_at DESC))[1] AS latest
         FROM measurements m JOIN consented USING (client_id)
         GROUP BY 1, 2 HAVING count(*) >= 2)
       SELECT s.instrument, coalesce(t.discipline, 'all') AS discipline,
              count(DISTINCT s.client_id)::int AS clients,
              count(DISTINCT s.client_id) FILTER (WHERE s.latest < s.baseline)::int AS improved
       FROM series s JOIN care_team_members t USING (client_id)
       GROUP BY GROUPING SETS ((s.instrument), (s.instrument, t.discipline))`,
    );
    for (const code of ['PHQ-9', 'GAD-7', 'MYMOP2']) {
      const all = series.find((row) => row.instrument === code && row.discipline === 'all')!;
      expect(all.clients).toBeGreaterThanOrEqual(10);
      expect(all.improved).toBeGreaterThan(all.clients / 2);
    }
    for (const group of series) expect(group.clients).toBeGreaterThanOrEqual(SMALLEST_GROUP);
  });

  it('has plans of every status, with carnivore and ketogenic elimination then reintroduction', async () => {
    const plans = await rows<{
      status: string;
      version: number;
      versions: number;
      last: Record<string, unknown>;
      title: string;
      lead_practitioner_id: string;
      disciplines: string[];
      phases: { kind: string; dietProtocol: string | null }[];
      goals: object[];
      interventions: object[];
    }>(
      `SELECT p.status, p.version, p.title, p.lead_practitioner_id, p.disciplines, p.phases,
              p.goals, p.interventions,
              (SELECT count(*)::int FROM treatment_plan_versions v WHERE v.plan_id = p.id) AS versions,
              (SELECT v.content FROM treatment_plan_versions v
               WHERE v.plan_id = p.id ORDER BY v.version DESC LIMIT 1) AS last
       FROM treatment_plans p`,
    );
    for (const status of ['draft', 'active', 'completed', 'cancelled']) {
      expect(plans.some((plan) => plan.status === status)).toBe(true);
    }
    for (const diet of ['carnivore', 'ketogenic']) {
      const active = plans.filter(
        (plan) =>
          plan.status === 'active' &&
          plan.phases.some((p) => p.kind === 'elimination' && p.dietProtocol === diet) &&
          plan.phases.some((p) => p.kind === 'reintroduction'),
      );
      expect(active.length).toBeGreaterThanOrEqual(SMALLEST_GROUP);
    }
    for (const plan of plans) {
      expect(plan.versions).toBe(plan.version);
      expect(plan.last).toMatchObject({
        status: plan.status,
        phases: plan.phases,
        goals: plan.goals,
      });
      const body = {
        title: plan.title,
        leadPractitionerId: plan.lead_practitioner_id,
        disciplines: plan.disciplines,
        phases: plan.phases,
        goals: plan.goals,
        interventions: plan.interventions,
      };
      expect(dtoErrors(CreateTreatmentPlanDto, body)).toEqual([]);
    }
  });

  it('fills this week around today and half a year of history, never double-booking', async () => {
    const monday = mondayOf(todayIn(ZONE));
    const [week] = await rows<{ past: number; ahead: number }>(
      `SELECT count(*) FILTER (WHERE starts_at < now() AND status IN ('arrived', 'completed'))::int AS past,
              count(*) FILTER (WHERE starts_at > now() AND status = 'booked')::int AS ahead
       FROM appointments WHERE starts_at >= $1 AND starts_at < $2`,
      [
        zonedInstant(addDays(monday, -7), '00:00', ZONE),
        zonedInstant(addDays(monday, 14), '00:00', ZONE),
      ],
    );
    expect(week.past).toBeGreaterThan(10);
    expect(week.ahead).toBeGreaterThan(10);
    const [history] = await rows<{
      months: number;
      noShows: number;
      late: number;
      reminders: number;
    }>(
      `SELECT count(DISTINCT date_trunc('month', starts_at)) FILTER (WHERE starts_at < now())::int AS months,
              count(*) FILTER (WHERE status = 'no-show')::int AS "noShows",
              count(*) FILTER (WHERE status = 'cancelled'
                                 AND updated_at > starts_at - interval '24 hours')::int AS late,
              count(*) FILTER (WHERE reminder_at IS NOT NULL)::int AS reminders
       FROM appointments`,
    );
    expect(history.months).toBeGreaterThanOrEqual(6);
    expect(history.noShows).toBeGreaterThanOrEqual(SMALLEST_GROUP);
    expect(history.late).toBeGreaterThanOrEqual(SMALLEST_GROUP);
    expect(history.reminders).toBe(0);
    // The exclusion constraint holds active appointments apart; the seed keeps all apart.
    expect(
      await rows(
        `SELECT a.id FROM appointments a JOIN appointments b
           ON a.practitioner_id = b.practitioner_id AND a.id < b.id
          AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`,
      ),
    ).toEqual([]);
  });

  it('has open, overdue and done follow-ups, and owes the worker no burst of notices', async () => {
    const [tasks] = await rows<{ open: number; overdue: number; done: number; types: number }>(
      `SELECT count(*) FILTER (WHERE status = 'open' AND due_at > now())::int AS open,
              count(*) FILTER (WHERE status = 'open' AND due_at < now())::int AS overdue,
              count(*) FILTER (WHERE status = 'done' AND completed_at IS NOT NULL)::int AS done,
              count(DISTINCT type)::int AS types
       FROM follow_up_tasks`,
    );
    expect(tasks.open).toBeGreaterThanOrEqual(SMALLEST_GROUP);
    expect(tasks.overdue).toBeGreaterThanOrEqual(SMALLEST_GROUP);
    expect(tasks.done).toBeGreaterThanOrEqual(20);
    expect(tasks.types).toBe(6);
    // Everything already due was told (and escalated past the grace): nothing for the worker
    // to send the moment it starts.
    expect(await rows(`SELECT job_name FROM owed_jobs(interval '0')`)).toEqual([]);
  });

  it('does nothing on a second run', async () => {
    const before = await rows(
      `SELECT (SELECT count(*) FROM clients) AS c, (SELECT count(*) FROM appointments) AS a`,
    );
    let said = '';
    const again = await seedDemo(config, { write: (text: string) => (said += text) });
    expect(again).toEqual({ seeded: false, reason: 'the database already holds 1 clinic' });
    expect(said).toBe('Demo clinic not seeded: the database already holds 1 clinic.\n');
    expect(
      await rows(
        `SELECT (SELECT count(*) FROM clients) AS c, (SELECT count(*) FROM appointments) AS a`,
      ),
    ).toEqual(before);
  });

  describe('on an empty database', () => {
    const clinicsIn = async (database: ThrowawayDatabase) => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query(`SELECT count(*)::int AS n FROM clinics`)).rows[0].n;
      } finally {
        await client.end();
      }
    };

    it('skips with DEMO_SEED=false', async () => {
      const off = env(emptyDb, { DEMO_SEED: 'false' });
      expect(configSkipReason(off)).toBe('DEMO_SEED=false');
      expect(await seedDemo(off, silent)).toEqual({ seeded: false, reason: 'DEMO_SEED=false' });
      expect(await clinicsIn(emptyDb)).toBe(0);
    });

    it('skips in production', async () => {
      const production = validateConfig({
        NODE_ENV: 'production',
        DATABASE_URL: emptyDb.url,
        DATABASE_APP_URL: emptyDb.url,
        SMTP_URL: 'smtp://127.0.0.1:2525',
        JWT_SECRET: randomBytes(48).toString('base64url'),
        DATA_ENCRYPTION_KEYS: `prod1:${randomBytes(32).toString('base64')}`,
      });
      expect(await seedDemo(production, silent)).toEqual({
        seeded: false,
        reason: 'NODE_ENV is production',
      });
      expect(await clinicsIn(emptyDb)).toBe(0);
    });

    it('refuses a DEMO_SEED that is neither true nor false', () => {
      expect(() => env(emptyDb, { DEMO_SEED: 'yes' })).toThrow(ConfigValidationError);
      expect(env(emptyDb, { DEMO_SEED: 'TRUE' }).DEMO_SEED).toBe(true);
      expect(env(emptyDb).DEMO_SEED).toBe(true);
    });

    it('leaves nothing behind when a write fails', async () => {
      const owner = new Client({ connectionString: emptyDb.url });
      await owner.connect();
      try {
        await owner.query(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
        await owner.query(`CREATE TRIGGER refuse BEFORE INSERT ON follow_up_tasks
          FOR EACH STATEMENT EXECUTE FUNCTION refuse()`);
        await expect(seedDemo(env(emptyDb), silent)).rejects.toThrow('refused by the test');
        const [left] = (
          await owner.query(
            `SELECT (SELECT count(*) FROM clinics)::int AS clinics, (SELECT count(*) FROM users)::int AS users,
                    (SELECT count(*) FROM clients)::int AS clients`,
          )
        ).rows;
        expect(left).toEqual({ clinics: 0, users: 0, clients: 0 });
      } finally {
        await owner.end();
      }
    });
  });
});

/** What the API's validation pipe would say about `body` as a request of `type`. */
function dtoErrors(type: new () => object, body: object): string[] {
  const errors = validateSync(plainToInstance(type, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  return errors.map((error) => JSON.stringify(error.constraints ?? error.children));
}

/** The Monday of the week of `date`. */
function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}
