import { zonedInstant } from '@meridian/core';
import { asOwner, ClinicSession, TestApp, TestUser } from '@meridian/testing';
import { randomUUID } from 'node:crypto';

const ZONE = 'Europe/Amsterdam';
/** An instant on the clinic's wall clock. */
export const local = (date: string, time = '12:00') => zonedInstant(date, time, ZONE);
const utcNoon = (date: string) => new Date(`${date}T12:00:00Z`);
const HOUR = 3_600_000;

/**
 * A small clinic built by hand for the report tests, over March and April 2025 (the period
 * the tests ask for), with records just outside it on both sides. Eight clients c0..c7; the
 * acupuncturist's care team is c0..c5, the psychologist's c4..c7. The expected figures in
 * the tests are counted from the rows written here, one by one.
 */
export interface ReportFixture {
  reception: TestUser;
  manager: TestUser;
  acupuncturist: TestUser;
  psychologist: TestUser;
  clients: string[];
}

export async function buildReportFixture(
  t: TestApp,
  clinic: ClinicSession,
): Promise<ReportFixture> {
  const [reception, manager, acupuncturist, psychologist] = [
    await clinic.addUser(['receptionist']),
    await clinic.addUser(['manager']),
    await clinic.addUser(['practitioner'], ['acupuncture']),
    await clinic.addUser(['practitioner'], ['psychology']),
  ];
  const clients: string[] = [];
  for (let i = 0; i < 8; i++) {
    const created = await t
      .http()
      .post('/api/v1/clients')
      .set('authorization', `Bearer ${reception.accessToken}`)
      .send({ firstName: 'Client', lastName: `Nummer ${i}`, dateOfBirth: '1980-01-01' });
    if (created.status !== 201) throw new Error(`client: ${created.status} ${created.text}`);
    clients.push(created.body.id);
  }
  const c = clients;
  const P1 = acupuncturist.id;
  const P2 = psychologist.id;
  const clinicId = clinic.clinicId;

  await asOwner(async (db) => {
    const insert = async (table: string, row: Record<string, unknown>) => {
      const columns = Object.keys(row);
      await db.query(
        `INSERT INTO ${table} (clinic_id, ${columns.join(', ')})
         VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})`,
        [clinicId, ...columns.map((column) => row[column])],
      );
    };

    // Clients: c0..c5 registered in March, c6 and c7 before; c7 archived in April.
    for (const client of c.slice(0, 6)) {
      await db.query(`UPDATE clients SET created_at = $2 WHERE id = $1`, [
        client,
        local('2025-03-15'),
      ]);
    }
    for (const client of c.slice(6)) {
      await db.query(`UPDATE clients SET created_at = $2 WHERE id = $1`, [
        client,
        local('2024-12-01'),
      ]);
    }
    await db.query(`UPDATE clients SET status = 'archived', archived_at = $2 WHERE id = $1`, [
      c[7],
      local('2025-04-10'),
    ]);

    for (const [user, discipline, members] of [
      [P1, 'acupuncture', c.slice(0, 6)],
      [P2, 'psychology', c.slice(4, 8)],
    ] as const) {
      for (const client of members) {
        await insert('care_team_members', {
          id: randomUUID(),
          client_id: client,
          user_id: user,
          discipline,
          since: '2025-01-01',
          added_by: clinic.admin.id,
        });
      }
    }

    const appointment = async (
      client: string,
      practitioner: string,
      type: string,
      startsAt: Date,
      minutes: number,
      status: string,
      cancelledAt?: Date,
    ) =>
      insert('appointments', {
        id: randomUUID(),
        client_id: client,
        practitioner_id: practitioner,
        type,
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + minutes * 60_000),
        status,
        cancel_reason: status === 'cancelled' ? 'Client ill' : null,
        created_by: reception.id,
        updated_by: reception.id,
        created_at: local('2025-02-01'),
        updated_at: cancelledAt ?? startsAt,
        version: 1,
      });
    // The acupuncturist: 8 in the period (c0..c5), one just before it and one just after.
    await appointment(c[0], P1, 'acupuncture', local('2025-02-28', '23:30'), 60, 'completed');
    await appointment(c[0], P1, 'acupuncture', local('2025-03-03', '09:00'), 60, 'completed');
    await appointment(c[1], P1, 'acupuncture', local('2025-03-04', '09:00'), 60, 'completed');
    await appointment(c[2], P1, 'acupuncture', local('2025-03-05', '09:00'), 60, 'no-show');
    const late = local('2025-03-06', '09:00');
    await appointment(
      c[3],
      P1,
      'acupuncture',
      late,
      60,
      'cancelled',
      new Date(late.getTime() - 2 * HOUR),
    );
    const early = local('2025-03-07', '09:00');
    await appointment(
      c[4],
      P1,
      'acupuncture',
      early,
      60,
      'cancelled',
      new Date(early.getTime() - 72 * HOUR),
    );
    await appointment(c[5], P1, 'acupuncture', local('2025-04-01', '09:00'), 45, 'completed');
    await appointment(c[0], P1, 'acupuncture', local('2025-04-02', '09:00'), 60, 'completed');
    await appointment(c[1], P1, 'acupuncture', local('2025-04-30', '23:00'), 30, 'completed');
    await appointment(c[2], P1, 'acupuncture', local('2025-05-01', '00:30'), 30, 'completed');
    // The psychologist: 4 in March (c4..c7).
    await appointment(c[4], P2, 'psychology', local('2025-03-10', '10:00'), 50, 'completed');
    await appointment(c[5], P2, 'psychology', local('2025-03-11', '10:00'), 50, 'completed');
    await appointment(c[6], P2, 'psychology', local('2025-03-12', '10:00'), 50, 'no-show');
    await appointment(c[7], P2, 'psychology', local('2025-03-13', '10:00'), 50, 'completed');

    // A draft note makes c2 "seen" in April without an appointment they came to.
    await insert('session_notes', {
      id: randomUUID(),
      client_id: c[2],
      practitioner_id: P1,
      discipline: 'acupuncture',
      session_date: '2025-04-15',
      status: 'draft',
      content: JSON.stringify({ chiefComplaint: 'Hoofdpijn' }),
      version: 1,
    });

    const task = async (
      client: string,
      type: string,
      assignee: string | null,
      createdAt: Date,
      dueAt: Date,
      end?: { status: 'done' | 'cancelled'; at: Date },
    ) =>
      insert('follow_up_tasks', {
        id: randomUUID(),
        client_id: client,
        type,
        priority: 'normal',
        assignee_user_id: assignee,
        assignee_queue: assignee ? null : 'reception',
        due_at: dueAt,
        status: end?.status ?? 'open',
        created_at: createdAt,
        updated_at: end?.at ?? createdAt,
        version: 1,
        occurrence: 1,
        completed_at: end?.status === 'done' ? end.at : null,
        cancelled_at: end?.status === 'cancelled' ? end.at : null,
        notified_at: dueAt,
      });
    const done = (date: string, time: string) => ({
      status: 'done' as const,
      at: local(date, time),
    });
    await task(
      c[0],
      'call',
      null,
      local('2025-03-02'),
      local('2025-03-05', '10:00'),
      done('2025-03-05', '16:00'),
    );
    await task(
      c[1],
      'call',
      null,
      local('2025-03-02'),
      local('2025-03-06', '10:00'),
      done('2025-03-07', '10:00'),
    );
    await task(
      c[2],
      'email',
      P1,
      local('2025-03-10'),
      local('2025-03-12', '10:00'),
      done('2025-03-12', '08:00'),
    );
    await task(c[3], 'book-appointment', null, local('2025-03-20'), local('2025-03-25', '10:00'));
    await task(c[4], 'review-plan', P1, local('2025-04-05'), local('2025-05-10', '10:00'));
    await task(c[5], 'call', null, local('2025-04-06'), local('2025-04-08', '10:00'), {
      status: 'cancelled',
      at: local('2025-04-07'),
    });
    await task(c[6], 'call', P2, local('2025-02-01'), local('2025-02-10', '10:00'));
    await task(
      c[7],
      'call',
      P2,
      local('2025-01-01'),
      local('2025-01-05', '10:00'),
      done('2025-02-01', '10:00'),
    );
    await task(c[0], 'call', null, local('2025-05-02'), local('2025-05-03', '10:00'));
    await task(
      c[4],
      'call',
      null,
      local('2025-03-03'),
      local('2025-03-04', '10:00'),
      done('2025-03-04', '20:00'),
    );

    const plan = async (
      client: string,
      lead: string,
      phases: [kind: string, diet: string | null][],
      status: string,
      activatedOn: string | null,
      endedOn: string | null,
    ) =>
      insert('treatment_plans', {
        id: randomUUID(),
        client_id: client,
        title: 'Plan',
        status,
        lead_practitioner_id: lead,
        disciplines: ['acupuncture'],
        phases: JSON.stringify(
          phases.map(([kind, dietProtocol], i) => ({
            id: randomUUID(),
            kind,
            dietProtocol,
            startsOn: `2025-0${i + 1}-01`,
            endsOn: `2025-0${i + 1}-28`,
            exitCriteria: null,
          })),
        ),
        goals: '[]',
        interventions: '[]',
        created_by: lead,
        updated_by: lead,
        activated_at: activatedOn && utcNoon(activatedOn),
        ended_at: endedOn && utcNoon(endedOn),
        version: 1,
      });
    await plan(
      c[0],
      P1,
      [
        ['elimination', 'carnivore'],
        ['reintroduction', null],
      ],
      'active',
      '2025-01-10',
      null,
    );
    await plan(
      c[1],
      P1,
      [
        ['elimination', 'ketogenic'],
        ['reintroduction', null],
        ['maintenance', null],
      ],
      'completed',
      '2025-03-05',
      '2025-04-04',
    );
    await plan(c[2], P1, [['elimination', 'carnivore']], 'completed', '2025-03-10', '2025-04-19');
    await plan(c[3], P1, [['maintenance', null]], 'cancelled', null, '2025-03-20');
    await plan(c[4], P2, [['other', null]], 'cancelled', '2025-02-01', '2025-03-15');
    await plan(
      c[5],
      P1,
      [
        ['elimination', 'ketogenic'],
        ['reintroduction', null],
      ],
      'active',
      '2025-04-10',
      null,
    );
    await plan(c[6], P2, [['elimination', 'carnivore']], 'completed', '2024-06-01', '2024-09-01');
    await plan(c[7], P2, [['elimination', 'ketogenic']], 'draft', null, null);
    await plan(
      c[7],
      P2,
      [
        ['elimination', 'ketogenic'],
        ['reintroduction', null],
      ],
      'active',
      '2025-03-20',
      null,
    );

    // Consent to outcome statistics: c0..c6, c6's withdrawn; c7 never gave it.
    for (const [i, client] of c.slice(0, 7).entries()) {
      await insert('consents', {
        id: randomUUID(),
        client_id: client,
        type: 'outcome-statistics',
        method: 'paper',
        recorded_by: reception.id,
        granted_at: local('2024-12-01'),
        withdrawn_at: i === 6 ? local('2025-04-20') : null,
        withdrawn_by: i === 6 ? reception.id : null,
        withdrawal_method: i === 6 ? 'paper' : null,
      });
    }
    const measure = async (
      client: string,
      instrument: string,
      takenOn: string,
      answers: number[],
    ) => {
      const sum = answers.reduce((total, answer) => total + answer, 0);
      await insert('measurements', {
        id: randomUUID(),
        client_id: client,
        instrument,
        answers,
        score: instrument === 'MYMOP2' ? sum / answers.length : sum,
        flags: [],
        taken_on: takenOn,
        recorded_by: instrument === 'MYMOP2' ? P1 : P2,
      });
    };
    /** PHQ-9 answers (nine items 0–3) adding up to `score`. */
    const phq9 = (score: number) =>
      Array.from({ length: 9 }, (_, i) => Math.min(3, Math.max(0, score - 3 * i)));
    const gad7 = (score: number) =>
      Array.from({ length: 7 }, (_, i) => Math.min(3, Math.max(0, score - 3 * i)));
    for (const [client, series] of [
      [
        c[0],
        [
          ['2025-01-10', 15],
          ['2025-03-20', 8],
          ['2025-04-20', 4],
        ],
      ],
      [
        c[1],
        [
          ['2025-03-02', 12],
          ['2025-04-10', 9],
        ],
      ],
      [
        c[2],
        [
          ['2025-02-01', 20],
          ['2025-03-15', 14],
        ],
      ],
      [
        c[3],
        [
          ['2025-03-05', 7],
          ['2025-03-25', 3],
        ],
      ],
      [
        c[4],
        [
          ['2025-03-01', 10],
          ['2025-04-30', 5],
        ],
      ],
      [
        c[5],
        [
          ['2025-01-01', 18],
          ['2025-02-15', 10],
          ['2025-05-02', 3],
        ],
      ],
      [
        c[6],
        [
          ['2025-03-01', 22],
          ['2025-04-01', 10],
        ],
      ],
      [
        c[7],
        [
          ['2025-03-01', 16],
          ['2025-04-01', 6],
        ],
      ],
    ] as const) {
      for (const [takenOn, score] of series) await measure(client, 'PHQ-9', takenOn, phq9(score));
    }
    await measure(c[0], 'GAD-7', '2025-03-01', gad7(10));
    await measure(c[0], 'GAD-7', '2025-04-01', gad7(5));
    await measure(c[1], 'GAD-7', '2025-03-01', gad7(8));
    await measure(c[1], 'GAD-7', '2025-04-01', gad7(7));
    for (const [client, first, last] of [
      [c[0], [5, 4, 5, 4], [3, 3, 4, 3]],
      [c[1], [4, 4, 4, 4], [3, 3, 4, 3]],
      [c[2], [3, 3, 3, 3], [2, 2, 2, 2]],
      [c[3], [5, 5, 5, 5], [5, 5, 5, 5]],
      [c[4], [2, 3, 2, 3], [3, 3, 3, 3]],
    ] as const) {
      await measure(client, 'MYMOP2', '2025-03-01', [...first]);
      await measure(client, 'MYMOP2', '2025-04-15', [...last]);
    }
  });
  return { reception, manager, acupuncturist, psychologist, clients };
}
