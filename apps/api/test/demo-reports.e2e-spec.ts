import { addDays, todayIn, validateConfig } from '@meridian/core';
import { createTestApp, TestApp, ThrowawayDatabase } from '@meridian/testing';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../../worker/src/seed/demo/demo-staff';
import { seedDemo } from '../../worker/src/seed/demo/seed-demo';

const ZONE = 'Europe/Amsterdam';
const GROUPINGS: Record<string, (string | null)[]> = {
  appointments: [null, 'practitioner', 'discipline', 'week', 'month'],
  clients: [null, 'discipline', 'month'],
  'follow-ups': [null, 'assignee', 'type', 'week', 'month'],
  'treatment-plans': [null, 'phaseKind', 'dietProtocol', 'practitioner'],
  outcomes: [null, 'discipline'],
};

/**
 * What a newcomer sees after `npm start`: the demo clinic, signed in as its manager with the
 * printed password, has every report filled, none of them withheld as a whole. The demo goes
 * into a database of its own (the seed acts only where no clinic exists yet).
 */
describe('demo clinic reports', () => {
  let database: ThrowawayDatabase;
  let t: TestApp;
  let token: string;
  const today = todayIn(ZONE);
  // From this month a year ago to the end of this one: outcomes and plans cover whole months.
  const yearAgo = `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`;
  const monthEnd = addDays(`${addDays(`${today.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);

  beforeAll(async () => {
    database = await ThrowawayDatabase.create('demo_reports');
    const config = validateConfig({ ...process.env, DATABASE_URL: database.url });
    const seeded = await seedDemo(config, { write: () => true });
    expect(seeded.seeded).toBe(true);
    t = await createTestApp({ env: { DATABASE_URL: database.url } });
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: `manager@${DEMO_EMAIL_DOMAIN}`, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    token = login.body.accessToken;
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const get = (report: string, query: string) =>
    t.http().get(`/api/v1/reports/${report}?${query}`).set('authorization', `Bearer ${token}`);

  it.each(Object.keys(GROUPINGS))(
    'fills the %s report over the past year, in every grouping',
    async (report) => {
      for (const groupBy of GROUPINGS[report]) {
        const response = await get(
          report,
          `from=${yearAgo}&to=${monthEnd}${groupBy ? `&groupBy=${groupBy}` : ''}`,
        );
        expect(response.status).toBe(200);
        const shown = (response.body.rows as { suppressed: boolean; clients: number }[]).filter(
          (row) => !row.suppressed,
        );
        expect({ groupBy, shown: shown.length > 0 }).toEqual({ groupBy, shown: true });
        expect(shown.every((row) => row.clients >= 5)).toBe(true);
      }
    },
  );

  it('shows improvement on each validated instrument', async () => {
    const response = await get('outcomes', `from=${yearAgo}&to=${monthEnd}`);
    const rows = response.body.rows as Record<string, unknown>[];
    for (const instrument of ['PHQ-9', 'GAD-7', 'MYMOP2']) {
      const row = rows.find((candidate) => candidate.instrument === instrument);
      expect(row).toMatchObject({ suppressed: false, improved: expect.any(Number) });
      expect(row!.improved as number).toBeGreaterThan(0);
      expect(row!.meanChange as number).toBeLessThan(0);
    }
  });

  it('has the coming week’s appointments and open, overdue follow-ups', async () => {
    // A week ahead: around a holiday the demo has nothing booked for days (after 16:00 on a
    // Thursday before Christmas and a weekend, none of the next three days holds one).
    const week = await get('appointments', `from=${addDays(today, -3)}&to=${addDays(today, 7)}`);
    expect(week.body.rows[0]).toMatchObject({ suppressed: false, booked: expect.any(Number) });
    expect(week.body.rows[0].booked).toBeGreaterThan(0);
    const tasks = await get('follow-ups', `from=${addDays(today, -30)}&to=${today}`);
    expect(tasks.body.rows[0].open).toBeGreaterThan(0);
    expect(tasks.body.rows[0].overdue).toBeGreaterThan(0);
  });
});
