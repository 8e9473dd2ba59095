import {
  asOwner,
  auditRowsOf,
  ClinicSession,
  createTestApp,
  TestApp,
  TestUser,
} from '@meridian/testing';
import { addDays, todayIn } from '@meridian/core';
import { buildReportFixture, local, ReportFixture } from './support/report-fixture';

const PERIOD = 'from=2025-03-01&to=2025-04-30';

/**
 * Manager reports over a clinic built by hand (support/report-fixture.ts): every figure below
 * is counted from the rows written there, so a wrong boundary, filter or suppression shows.
 */
describe('reports', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let f: ReportFixture;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const report = (name: string, query = '', user: TestUser = f.manager) =>
    t.http().get(`/api/v1/reports/${name}?${PERIOD}${query}`).set(as(user));
  const rowsOf = async (name: string, query = '', user?: TestUser) => {
    const response = await report(name, query, user);
    expect(response.status).toBe(200);
    return response.body.rows as Record<string, unknown>[];
  };
  const fields = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    t = await createTestApp();
    clinic = await ClinicSession.signUp(t);
    f = await buildReportFixture(t, clinic);
    // A second clinic with the same records: none of them may count in the first one's figures.
    const other = await ClinicSession.signUp(t);
    await buildReportFixture(t, other);
  });
  afterAll(() => t.close());

  describe('appointments', () => {
    it('counts the clinic’s appointments in the period by status, hours, no-shows and late cancellations', async () => {
      const response = await report('appointments');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        report: 'appointments',
        from: '2025-03-01',
        to: '2025-04-30',
        timeZone: 'Europe/Amsterdam',
        groupBy: null,
        practitionerId: null,
        minimumGroupSize: 5,
        generatedAt: expect.any(String),
      });
      expect(response.body.rows).toEqual([
        {
          clients: 8,
          appointments: 12,
          booked: 0,
          arrived: 0,
          completed: 8,
          noShow: 2,
          cancelled: 2,
          lateCancellations: 1,
          bookedHours: 8.58,
          noShowRate: 0.2,
          suppressed: false,
        },
      ]);
    });

    it('groups by practitioner and suppresses the one with fewer than five clients', async () => {
      const rows = await rowsOf('appointments', '&groupBy=practitioner');
      expect(rows).toHaveLength(2);
      expect(rows.find((row) => row.practitionerId === f.acupuncturist.id)).toEqual({
        practitionerId: f.acupuncturist.id,
        practitionerName: expect.stringContaining('practitioner'),
        clients: 6,
        appointments: 8,
        booked: 0,
        arrived: 0,
        completed: 5,
        noShow: 1,
        cancelled: 2,
        lateCancellations: 1,
        bookedHours: 5.25,
        noShowRate: 0.167,
        suppressed: false,
      });
      const psychologist = rows.find((row) => row.practitionerId === f.psychologist.id);
      expect(psychologist).toMatchObject({ clients: null, appointments: null, suppressed: true });
      expect(Object.values(psychologist!).filter((value) => typeof value === 'number')).toEqual([]);
    });

    it('groups by month in the clinic’s time zone', async () => {
      expect(await rowsOf('appointments', '&groupBy=month')).toEqual([
        expect.objectContaining({
          month: '2025-03',
          clients: 8,
          appointments: 9,
          completed: 5,
          noShow: 2,
          cancelled: 2,
          lateCancellations: 1,
          bookedHours: 6.33,
          noShowRate: 0.286,
        }),
        expect.objectContaining({ month: '2025-04', clients: null, suppressed: true }),
      ]);
    });

    it('groups by discipline and by week', async () => {
      const byDiscipline = await rowsOf('appointments', '&groupBy=discipline');
      expect(byDiscipline.map((row) => [row.discipline, row.appointments, row.suppressed])).toEqual(
        [
          ['acupuncture', 8, false],
          ['psychology', null, true],
        ],
      );
      const byWeek = await rowsOf('appointments', '&groupBy=week');
      // 3 March is a Monday: c0..c4 that week; the psychologist's week has four clients.
      expect(byWeek[0]).toMatchObject({ week: '2025-03-03', clients: 5, appointments: 5 });
      expect(byWeek.map((row) => row.week)).toEqual([
        '2025-03-03',
        '2025-03-10',
        '2025-03-31',
        '2025-04-28',
      ]);
    });
  });

  describe('clients', () => {
    it('counts new, seen and archived clients', async () => {
      expect(await rowsOf('clients')).toEqual([
        { clients: 7, new: 6, active: 6, archived: 1, suppressed: false },
      ]);
    });

    it('by month, each counts in the month it happened', async () => {
      expect(await rowsOf('clients', '&groupBy=month')).toEqual([
        { month: '2025-03', clients: 7, new: 6, active: 5, archived: 0, suppressed: false },
        { month: '2025-04', clients: 5, new: 0, active: 4, archived: 1, suppressed: false },
      ]);
    });

    it('by discipline, under each discipline of the care team', async () => {
      expect(await rowsOf('clients', '&groupBy=discipline')).toEqual([
        {
          discipline: 'acupuncture',
          clients: 6,
          new: 6,
          active: 5,
          archived: 0,
          suppressed: false,
        },
        {
          discipline: 'psychology',
          clients: null,
          new: null,
          active: null,
          archived: null,
          suppressed: true,
        },
      ]);
    });
  });

  describe('follow-ups', () => {
    it('counts created, completed, cancelled, open and overdue tasks and the median from due to done', async () => {
      expect(await rowsOf('follow-ups')).toEqual([
        {
          clients: 7,
          created: 7,
          completed: 4,
          cancelled: 1,
          open: 3,
          overdue: 2,
          medianHoursDueToDone: 8,
          suppressed: false,
        },
      ]);
    });

    it('by month, open and overdue at each month’s end', async () => {
      expect(await rowsOf('follow-ups', '&groupBy=month')).toEqual([
        {
          month: '2025-03',
          clients: 6,
          created: 5,
          completed: 4,
          cancelled: 0,
          open: 2,
          overdue: 2,
          medianHoursDueToDone: 8,
          suppressed: false,
        },
        expect.objectContaining({ month: '2025-04', suppressed: true, open: null }),
      ]);
    });

    it('lists no week or month that has not begun: it would only repeat today’s backlog', async () => {
      const today = todayIn('Europe/Amsterdam');
      const thisMonth = today.slice(0, 7);
      const response = await t
        .http()
        .get(
          `/api/v1/reports/follow-ups?from=${thisMonth}-01&to=${addDays(today, 80)}&groupBy=month`,
        )
        .set(as(f.manager));
      expect(response.status).toBe(200);
      // Three tasks of 2025 are still open, so the current month has a row; later months none.
      expect(response.body.rows.map((row: { month: string }) => row.month)).toEqual([thisMonth]);
    });

    it('by assignee and by type', async () => {
      const byAssignee = await rowsOf('follow-ups', '&groupBy=assignee');
      expect(byAssignee.find((row) => row.assigneeName === 'reception')).toEqual({
        assigneeName: 'reception',
        assigneeUserId: null,
        clients: 5,
        created: 5,
        completed: 3,
        cancelled: 1,
        open: 1,
        overdue: 1,
        medianHoursDueToDone: 10,
        suppressed: false,
      });
      const byType = await rowsOf('follow-ups', '&groupBy=type');
      expect(byType.find((row) => row.type === 'call')).toMatchObject({
        clients: 5,
        created: 4,
        completed: 3,
        cancelled: 1,
        open: 1,
        overdue: 1,
        medianHoursDueToDone: 10,
      });
      expect(byType.filter((row) => row.type !== 'call').every((row) => row.suppressed)).toBe(true);
    });
  });

  describe('treatment plans', () => {
    it('counts active, started, completed and cancelled plans and the median length', async () => {
      expect(await rowsOf('treatment-plans')).toEqual([
        {
          clients: 7,
          active: 3,
          started: 4,
          completed: 2,
          cancelled: 2,
          medianLengthDays: 35,
          suppressed: false,
        },
      ]);
    });

    it('by phase kind and by diet protocol', async () => {
      const byKind = await rowsOf('treatment-plans', '&groupBy=phaseKind');
      expect(byKind.find((row) => row.phaseKind === 'elimination')).toEqual({
        phaseKind: 'elimination',
        clients: 5,
        active: 3,
        started: 4,
        completed: 2,
        cancelled: 0,
        medianLengthDays: 35,
        suppressed: false,
      });
      expect(byKind.map((row) => row.phaseKind)).toEqual([
        'elimination',
        'maintenance',
        'other',
        'reintroduction',
      ]);
      const byDiet = await rowsOf('treatment-plans', '&groupBy=dietProtocol');
      expect(byDiet.map((row) => [row.dietProtocol, row.suppressed])).toEqual([
        ['carnivore', true],
        ['ketogenic', true],
        [null, true],
      ]);
    });
  });

  describe('outcomes', () => {
    it('per instrument: baseline to last in the period, improvement and remission, consenting clients only', async () => {
      expect(await rowsOf('outcomes')).toEqual([
        expect.objectContaining({ instrument: 'GAD-7', clients: null, suppressed: true }),
        {
          instrument: 'MYMOP2',
          clients: 5,
          meanBaseline: 3.8,
          meanLatest: 3.3,
          meanChange: -0.5,
          improved: 2,
          improvedShare: 0.4,
          remitted: null,
          remissionShare: null,
          suppressed: false,
        },
        {
          instrument: 'PHQ-9',
          clients: 5,
          meanBaseline: 12.8,
          meanLatest: 7,
          meanChange: -5.8,
          improved: 3,
          improvedShare: 0.6,
          remitted: 2,
          remissionShare: 0.4,
          suppressed: false,
        },
      ]);
    });

    it('by discipline of the care team', async () => {
      const rows = await rowsOf('outcomes', '&groupBy=discipline');
      expect(
        rows.find((row) => row.instrument === 'PHQ-9' && row.discipline === 'acupuncture'),
      ).toMatchObject({ clients: 5, improved: 3, remitted: 2, suppressed: false });
      expect(
        rows.find((row) => row.instrument === 'PHQ-9' && row.discipline === 'psychology'),
      ).toMatchObject({ clients: null, suppressed: true });
    });

    it('counts remission among the clients who started at or above the threshold', async () => {
      // c1's PHQ-9 baseline moved to 3: already below 5, so not among those remission is counted for.
      const baseline = () =>
        `SELECT id FROM measurements WHERE client_id = $1 AND instrument = 'PHQ-9' AND taken_on = '2025-03-02'`;
      const set = (score: number) =>
        asOwner((db) =>
          db.query(`UPDATE measurements SET score = $2 WHERE id = (${baseline()})`, [
            f.clients[1],
            score,
          ]),
        );
      await set(3);
      try {
        const rows = await rowsOf('outcomes');
        expect(rows.find((row) => row.instrument === 'PHQ-9')).toMatchObject({
          clients: 5,
          meanBaseline: 11,
          remitted: 2,
          remissionShare: 0.5,
        });
      } finally {
        await set(12);
      }
    });

    it('covers whole months only, and the whole clinic only, so that no comparison singles out a client', async () => {
      for (const name of ['outcomes', 'treatment-plans']) {
        const shifted = await t
          .http()
          .get(`/api/v1/reports/${name}?from=2025-03-02&to=2025-04-29`)
          .set(as(f.manager));
        expect(shifted.status).toBe(400);
        expect(fields(shifted.body)).toEqual(['from', 'to']);
      }
      const narrowed = await report('outcomes', `&practitionerId=${f.acupuncturist.id}`);
      expect(narrowed.status).toBe(400);
      expect(fields(narrowed.body)).toEqual(['practitionerId']);
      // A practitioner still has their own caseload's outcomes (their own clients' records).
      const own = await report('outcomes', '', f.acupuncturist);
      expect(own.status).toBe(200);
      expect(own.body.practitionerId).toBe(f.acupuncturist.id);
    });

    it('leaves out a client once their consent is withdrawn', async () => {
      await asOwner((db) =>
        db.query(
          `UPDATE consents SET withdrawn_at = now(), withdrawn_by = $2, withdrawal_method = 'paper'
           WHERE client_id = $1 AND type = 'outcome-statistics'`,
          [f.clients[0], f.reception.id],
        ),
      );
      try {
        const rows = await rowsOf('outcomes');
        expect(rows.find((row) => row.instrument === 'PHQ-9')).toMatchObject({
          clients: null,
          suppressed: true,
        });
      } finally {
        await asOwner((db) =>
          db.query(
            `UPDATE consents SET withdrawn_at = NULL, withdrawn_by = NULL, withdrawal_method = NULL
             WHERE client_id = $1 AND type = 'outcome-statistics'`,
            [f.clients[0]],
          ),
        );
      }
    });
  });

  describe('who sees what', () => {
    it('gives a practitioner their own caseload, and a manager any practitioner’s', async () => {
      const own = await report('clients', '', f.acupuncturist);
      expect(own.status).toBe(200);
      expect(own.body.practitionerId).toBe(f.acupuncturist.id);
      expect(own.body.rows).toEqual([
        { clients: 6, new: 6, active: 5, archived: 0, suppressed: false },
      ]);
      expect((await rowsOf('appointments', '', f.acupuncturist))[0]).toMatchObject({
        clients: 6,
        appointments: 8,
      });
      expect((await rowsOf('follow-ups', '', f.acupuncturist))[0]).toMatchObject({
        clients: 6,
        created: 7,
        completed: 4,
        cancelled: 1,
        open: 2,
        overdue: 1,
        medianHoursDueToDone: 8,
      });
      expect((await rowsOf('treatment-plans', '', f.acupuncturist))[0]).toMatchObject({
        clients: 6,
        active: 2,
        started: 3,
        completed: 2,
        cancelled: 2,
      });
      const asManager = await report('clients', `&practitionerId=${f.acupuncturist.id}`);
      expect(asManager.body.rows).toEqual(own.body.rows);
      expect(await auditRowsOf(asManager.headers['x-request-id'])).toEqual([
        expect.objectContaining({ resourceType: 'clients-report', resourceId: f.acupuncturist.id }),
      ]);
      const admin = await report(
        'appointments',
        `&practitionerId=${f.psychologist.id}`,
        clinic.admin,
      );
      expect(admin.status).toBe(200);
      expect(admin.body.rows).toEqual([
        expect.objectContaining({ clients: null, appointments: null, suppressed: true }),
      ]);
    });

    it('refuses a practitioner another practitioner’s caseload, and logs the refusal', async () => {
      const response = await report(
        'appointments',
        `&practitionerId=${f.psychologist.id}`,
        f.acupuncturist,
      );
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.code).toBe('REPORT.OWN_CASELOAD_ONLY');
      expect(await auditRowsOf(response.headers['x-request-id'])).toContainEqual(
        expect.objectContaining({ action: 'access-denied', outcome: 'denied' }),
      );
    });

    it('gives reception no report', async () => {
      for (const name of ['appointments', 'clients', 'follow-ups', 'treatment-plans', 'outcomes']) {
        const response = await report(name, '', f.reception);
        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    });

    it('logs each report read without naming a client', async () => {
      const response = await report('outcomes');
      expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
        expect.objectContaining({
          action: 'read',
          resourceType: 'outcomes-report',
          clientId: null,
          outcome: 'success',
        }),
      ]);
    });
  });

  describe('CSV', () => {
    it('streams the same rows with a header line and a file name, on ?format=csv', async () => {
      const response = await report('appointments', '&groupBy=practitioner&format=csv');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="appointments-2025-03-01-to-2025-04-30-by-practitioner.csv"',
      );
      const [header, ...lines] = response.text.trimEnd().split('\r\n');
      expect(header).toBe(
        'practitionerName,practitionerId,clients,appointments,booked,arrived,completed,noShow,cancelled,lateCancellations,bookedHours,noShowRate,suppressed',
      );
      expect(lines).toHaveLength(2);
      expect(lines).toContain(
        `practitioner ${f.acupuncturist.email},${f.acupuncturist.id},6,8,0,0,5,1,2,1,5.25,0.167,false`,
      );
      expect(lines).toContain(
        `practitioner ${f.psychologist.email},${f.psychologist.id},,,,,,,,,,,true`,
      );
      expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
        expect.objectContaining({ action: 'export', resourceType: 'appointments-report' }),
      ]);
    });

    it('answers Accept: text/csv the same way', async () => {
      const response = await t
        .http()
        .get(`/api/v1/reports/clients?${PERIOD}&groupBy=month`)
        .set(as(f.manager))
        .set('accept', 'text/csv');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.text).toBe(
        'month,clients,new,active,archived,suppressed\r\n2025-03,7,6,5,0,false\r\n2025-04,5,0,4,1,false\r\n',
      );
    });
  });

  it('answers JSON when the Accept header names CSV but prefers JSON', async () => {
    const response = await t
      .http()
      .get(`/api/v1/reports/clients?${PERIOD}`)
      .set(as(f.manager))
      .set('accept', 'text/csv;q=0, application/json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });

  describe('bad input', () => {
    const bad = async (query: string, field: string) => {
      const response = await t
        .http()
        .get(`/api/v1/reports/appointments?${query}`)
        .set(as(f.manager));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(response.body)).toContain(field);
      return response;
    };

    it('refuses from after to', async () => {
      await bad('from=2025-05-01&to=2025-04-30', 'to');
    });

    it('refuses a period of five years or more, and takes one a day shorter', async () => {
      await bad('from=2020-01-01&to=2025-01-01', 'to');
      const longest = await t
        .http()
        .get('/api/v1/reports/appointments?from=2020-01-01&to=2024-12-31')
        .set(as(f.manager));
      expect(longest.status).toBe(200);
    });

    it('refuses an unknown groupBy, naming the ones it knows', async () => {
      const response = await bad(`${PERIOD}&groupBy=client`, 'groupBy');
      expect(response.body.errors[0].message).toContain('practitioner, discipline, week, month');
      await t
        .http()
        .get(`/api/v1/reports/outcomes?${PERIOD}&groupBy=week`)
        .set(as(f.manager))
        .expect(400);
    });

    it('refuses malformed and impossible dates, a missing period, and unknown formats', async () => {
      await bad('from=2025-02-30&to=2025-04-30', 'from');
      await bad('from=01-03-2025&to=2025-04-30', 'from');
      await bad('to=2025-04-30', 'from');
      await bad(`${PERIOD}&format=xlsx`, 'format');
      await bad(`${PERIOD}&practitionerId=${f.reception.id}`, 'practitionerId');
      await bad(`${PERIOD}&practitionerId=not-a-uuid`, 'practitionerId');
    });
  });

  it('counts instants by the clinic’s calendar: 23:00 on 30 April is in, 00:30 on 1 May is out', () => {
    // A guard on the fixture itself: these two local times straddle the period's end in UTC.
    expect(local('2025-04-30', '23:00').toISOString()).toBe('2025-04-30T21:00:00.000Z');
    expect(local('2025-05-01', '00:30').toISOString()).toBe('2025-04-30T22:30:00.000Z');
  });
});
