import { Discipline } from '@meridian/auth/access/role';
import { PasswordHasher } from '@meridian/auth/passwords/password-hasher';
import { DataCipher, validateConfig } from '@meridian/core';
import { findStandardInstrument, scoreAnswers } from '@meridian/outcomes/scoring';
import { checkContent } from '@meridian/session-notes/content/note-content';
import { NoteCipher } from '@meridian/session-notes/note-cipher';
import { noteDigest } from '@meridian/session-notes/note-digest';
import type { SessionNoteEntity } from '@meridian/session-notes/session-note.entity';
import { Client } from 'pg';
import { databaseUrlFor, withConnection } from '../src/seed/scale/scale-database';
import { ScaleUsageError } from '../src/seed/scale/scale-options';
import { SCALE_PASSWORD, ScaleSeedReport, seedScale } from '../src/seed/scale/seed-scale';

const COUNTS = { clinics: 2, clients: 300, appointments: 3000, notes: 3000 };

interface NoteRow {
  id: string;
  clientId: string;
  practitionerId: string;
  discipline: Discipline;
  sessionDate: string;
  appointmentId: string | null;
  status: string;
  content: Record<string, unknown> | null;
  sealedContent: string | null;
  keyId: string | null;
  contentHash: string | null;
}

/**
 * The scale data generator, at a small size, into a database of its own named after this
 * worker's test database (the run's teardown drops it too if this file cannot): the counts
 * asked for, constraints the schema cannot state, and content the application would accept
 * and could open.
 */
describe('seedScale', () => {
  const testUrl = process.env.DATABASE_URL as string;
  const database = `${new URL(testUrl).pathname.slice(1)}_scale`;
  const url = databaseUrlFor(testUrl, database);
  const countFlags = Object.entries(COUNTS).flatMap(([flag, count]) => [
    `--${flag}`,
    String(count),
  ]);
  const args = [...countFlags, '--database', database];
  const cipher = new DataCipher(validateConfig(process.env));
  const printed: string[] = [];
  const out = { write: (text: string) => printed.push(text) };
  let report: ScaleSeedReport;
  let pg: Client;

  beforeAll(async () => {
    report = await seedScale(testUrl, args, { cipher, out });
    pg = new Client({ connectionString: url });
    await pg.connect();
  }, 120_000);

  afterAll(async () => {
    await pg?.end();
    await withConnection(databaseUrlFor(testUrl, 'postgres'), (admin) =>
      admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
    );
  });

  const count = async (sql: string): Promise<number> =>
    Number((await pg.query<{ count: string }>(sql)).rows[0].count);

  it('writes exactly the clinics, clients, appointments and notes asked for', async () => {
    expect({
      clinics: await count('SELECT count(*) FROM clinics'),
      clients: await count('SELECT count(*) FROM clients'),
      appointments: await count('SELECT count(*) FROM appointments'),
      notes: await count('SELECT count(*) FROM session_notes'),
    }).toEqual(COUNTS);
  });

  it('reports the rows of every table it filled as the database holds them', async () => {
    expect(report.generated).toBe(true);
    for (const [table, rows] of Object.entries(report.rowCounts)) {
      expect([table, await count(`SELECT count(*) FROM ${table}`)]).toEqual([table, rows]);
    }
    // An admin, a manager, two receptionists and twelve practitioners at the least.
    expect(report.rowCounts.users).toBeGreaterThanOrEqual(COUNTS.clinics * 16);
    expect(report.rowCounts.care_team_members).toBeGreaterThanOrEqual(COUNTS.clients);
    expect(report.rowCounts.care_team_members).toBeLessThanOrEqual(3 * COUNTS.clients);
  });

  it('numbers each clinic’s clients 1..n and leaves its counter at n', async () => {
    const { rows } = await pg.query<{
      clients: number;
      lowest: number;
      highest: number;
      distinct: number;
      counter: number;
    }>(`
      SELECT count(*)::int AS clients, min(c.client_number) AS lowest,
             max(c.client_number) AS highest, count(DISTINCT c.client_number)::int AS distinct,
             n.last_number AS counter
      FROM clients c JOIN client_number_counters n ON n.clinic_id = c.clinic_id
      GROUP BY c.clinic_id, n.last_number`);
    expect(rows).toHaveLength(COUNTS.clinics);
    for (const clinic of rows) {
      expect(clinic).toEqual({
        clients: clinic.clients,
        lowest: 1,
        highest: clinic.clients,
        distinct: clinic.clients,
        counter: clinic.clients,
      });
    }
  });

  it('never has a practitioner in two active appointments at once', async () => {
    const overlapping = await count(`
      SELECT count(*) FROM appointments a JOIN appointments b
        ON b.clinic_id = a.clinic_id AND b.practitioner_id = a.practitioner_id AND b.id > a.id
       AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
      WHERE a.status NOT IN ('cancelled', 'no-show') AND b.status NOT IN ('cancelled', 'no-show')`);
    expect(overlapping).toBe(0);
  });

  it('books appointments of the practitioner’s discipline with clients of their care team', async () => {
    const strays = await count(`
      SELECT count(*) FROM appointments a
      JOIN users u ON u.id = a.practitioner_id
      WHERE NOT EXISTS (SELECT 1 FROM care_team_members m
                        WHERE m.client_id = a.client_id AND m.user_id = a.practitioner_id)
         OR (a.type <> 'intake' AND NOT a.type = ANY (u.disciplines))`);
    expect(strays).toBe(0);
  });

  it('stores the score, band and flags the outcome scoring computes from the answers', async () => {
    const { rows } = await pg.query<{
      instrument: string;
      answers: number[];
      score: number;
      band: string | null;
      flags: string[];
    }>('SELECT instrument, answers, score, band, flags FROM measurements');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const outcome = scoreAnswers(findStandardInstrument(row.instrument)!, row.answers);
      expect(outcome).toEqual({
        ok: true,
        result: { score: row.score, band: row.band, flags: row.flags },
      });
    }
  });

  describe('session notes', () => {
    let notes: NoteRow[];
    const noteCipher = new NoteCipher(cipher);

    beforeAll(async () => {
      notes = (
        await pg.query<NoteRow>(`
          SELECT id, client_id AS "clientId", practitioner_id AS "practitionerId", discipline,
                 to_char(session_date, 'YYYY-MM-DD') AS "sessionDate",
                 appointment_id AS "appointmentId", status, content,
                 sealed_content AS "sealedContent", key_id AS "keyId", content_hash AS "contentHash"
          FROM session_notes`)
      ).rows;
    });

    const open = (note: NoteRow) =>
      noteCipher.openContent({ ...note } as unknown as SessionNoteEntity);

    it('seals psychology notes so that the configured data key opens them', () => {
      const psychology = notes.filter((note) => note.discipline === Discipline.Psychology);
      expect(psychology.length).toBeGreaterThan(0);
      for (const note of psychology) {
        expect(note.content).toBeNull();
        expect(note.keyId).toBe(cipher.currentKey);
        expect(open(note)).toMatchObject({ format: expect.any(String) });
      }
    });

    it('holds content its discipline accepts as it is, signed with the application’s digest', () => {
      for (const note of notes) {
        const content = open(note);
        expect(checkContent(note.discipline, content)).toEqual({ ok: true, content });
        if (note.status !== 'signed') continue;
        const { id, clientId, practitionerId, discipline, sessionDate, appointmentId } = note;
        expect(
          noteDigest({
            id,
            clientId,
            practitionerId,
            discipline,
            sessionDate,
            appointmentId,
            content,
          }),
        ).toBe(note.contentHash);
      }
    });

    it('links a note only to an appointment the practitioner had with the client that day', async () => {
      const mismatched = await count(`
        SELECT count(*) FROM session_notes n
        JOIN appointments a ON a.id = n.appointment_id
        JOIN clinics c ON c.id = n.clinic_id
        WHERE a.practitioner_id <> n.practitioner_id OR a.status <> 'completed'
           OR (a.starts_at AT TIME ZONE c.time_zone)::date <> n.session_date`);
      expect(mismatched).toBe(0);
    });
  });

  it('keeps every version of every plan, the current one included', async () => {
    const missing = await count(`
      SELECT count(*) FROM treatment_plans p
      WHERE (SELECT count(*) FROM treatment_plan_versions v WHERE v.plan_id = p.id) <> p.version
         OR NOT EXISTS (SELECT 1 FROM treatment_plan_versions v
                        WHERE v.plan_id = p.id AND v.version = p.version
                          AND v.content->>'status' = p.status)`);
    expect(missing).toBe(0);
  });

  it('leaves no notice or escalation owed for follow-ups already due', async () => {
    const owed = await count(`
      SELECT count(*) FROM follow_up_tasks t JOIN clinics c ON c.id = t.clinic_id
      WHERE t.status = 'open'
        AND ((t.notified_at IS NULL AND t.due_at < now())
          OR (t.escalated_at IS NULL
              AND t.due_at + make_interval(hours => c.escalation_grace_hours) < now()))`);
    expect(owed).toBe(0);
  });

  it('lets every user sign in with the data set’s password', async () => {
    const { rows } = await pg.query<{ hashes: number; hash: string }>(
      'SELECT count(DISTINCT password_hash)::int AS hashes, min(password_hash) AS hash FROM users',
    );
    expect(rows[0].hashes).toBe(1);
    expect(await new PasswordHasher().verify(rows[0].hash, SCALE_PASSWORD)).toEqual({
      valid: true,
      needsRehash: false,
    });
  });

  it('leaves a finished data set of the same flags as it is', async () => {
    printed.length = 0;
    const again = await seedScale(testUrl, args, { cipher, out });
    expect(again).toEqual({ database, generated: false, rowCounts: report.rowCounts });
    expect(printed.join('')).toContain('already holds this data set');
  });

  it('makes the data set again after a run that did not finish', async () => {
    await pg.query('UPDATE scale_seed.info SET completed_at = NULL');
    await pg.end();
    const again = await seedScale(testUrl, args, { cipher, out });
    pg = new Client({ connectionString: url });
    await pg.connect();
    expect(again.generated).toBe(true);
    expect(await count('SELECT count(*) FROM scale_seed.info WHERE completed_at IS NOT NULL')).toBe(
      1,
    );
    expect(await count('SELECT count(*) FROM session_notes')).toBe(COUNTS.notes);
  }, 120_000);

  it('refuses a wrong flag, naming it, with the usage', async () => {
    await expect(seedScale(testUrl, ['--clinics', 'many'])).rejects.toThrow(ScaleUsageError);
    await expect(seedScale(testUrl, ['--colour', 'blue'])).rejects.toThrow(
      /unknown flag "--colour"[\s\S]*usage: npm run seed:scale/,
    );
  });

  it('does not fill the database of DATABASE_URL unless --database names it', async () => {
    await expect(seedScale(databaseUrlFor(testUrl, 'meridian_scale'), countFlags)).rejects.toThrow(
      /pass --database meridian_scale/,
    );
  });
});
