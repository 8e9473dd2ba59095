import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TenantTransaction } from '@meridian/db';
import {
  JobName,
  Outbox,
  PlanPhaseEndingPayload,
  QueueName,
  MeasurementFlaggedPayload,
} from '@meridian/queue';
import { asOwner, seedClinic, waitFor } from '@meridian/testing';
import type { Job, Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { RaisedFollowUpsHandler } from '../src/follow-ups/raised-follow-ups.handler';
import { WorkerModule } from '../src/worker.module';

/** A follow-up task as the clinic's task list shows it. */
interface TaskRow {
  clientId: string;
  type: string;
  priority: string;
  status: string;
  assigneeUserId: string | null;
  assigneeQueue: string | null;
  dueAt: Date;
  note: string | null;
  sourceKey: string | null;
  createdBy: string | null;
}

/** A clinic with its staff and one client, seeded as the database owner. */
interface Practice {
  clinicId: string;
  clientId: string;
  psychologist: string;
  acupuncturist: string;
  nutritionist: string;
}

const PHASE_ONE_ENDS_ON = '2026-11-24';

/**
 * The worker raises follow-up tasks from the events the API writes to the outbox: a PHQ-9
 * flagged for self-harm and the last day of a treatment-plan phase. Jobs go through the real
 * `follow-ups` queue of the booted worker; what counts is what lands in `follow_up_tasks`.
 */
describe(RaisedFollowUpsHandler.name, () => {
  let worker: INestApplicationContext;
  let followUps: Queue;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    followUps = worker.get<Queue>(getQueueToken(QueueName.FollowUps));
  });
  afterAll(async () => {
    await followUps.obliterate({ force: true });
    await worker.close();
  });

  /** Waits until the job finished, and fails the test with its reason if it failed. */
  const finished = async (job: Job): Promise<Job> => {
    const state = await waitFor(
      async () => {
        const current = await job.getState();
        return current === 'completed' || current === 'failed' ? current : undefined;
      },
      { what: `job ${job.name} (${job.id}) to finish`, timeoutMs: 10_000 },
    );
    const stored = await followUps.getJob(job.id as string);
    if (state === 'failed') throw new Error(`job ${job.name} failed: ${stored?.failedReason}`);
    return stored as Job;
  };

  /** Adds a job under a fresh job id, as a redelivery would, and waits until it completed. */
  function run(name: JobName.MeasurementFlagged, data: MeasurementFlaggedPayload): Promise<Job>;
  function run(name: JobName.PlanPhaseEnding, data: PlanPhaseEndingPayload): Promise<Job>;
  async function run(name: JobName, data: object): Promise<Job> {
    return finished(await followUps.add(name, data, { jobId: uuidv7() }));
  }

  const tasksOf = (clinicId: string): Promise<TaskRow[]> =>
    asOwner(async (db) => {
      const { rows } = await db.query<TaskRow>(
        `SELECT client_id AS "clientId", type, priority, status,
                assignee_user_id AS "assigneeUserId", assignee_queue AS "assigneeQueue",
                due_at AS "dueAt", note, source_key AS "sourceKey", created_by AS "createdBy"
         FROM follow_up_tasks WHERE clinic_id = $1 ORDER BY created_at, id`,
        [clinicId],
      );
      return rows;
    });

  /** A clinic, three active practitioners of different disciplines, and a client. */
  const seedPractice = async (): Promise<Practice> => {
    const clinicId = await seedClinic(uuidv7());
    const practice: Practice = {
      clinicId,
      clientId: uuidv7(),
      psychologist: uuidv7(),
      acupuncturist: uuidv7(),
      nutritionist: uuidv7(),
    };
    await asOwner(async (db) => {
      const staff: [string, string][] = [
        [practice.psychologist, 'psychology'],
        [practice.acupuncturist, 'acupuncture'],
        [practice.nutritionist, 'nutrition'],
      ];
      for (const [id, discipline] of staff) {
        await db.query(
          `INSERT INTO users (id, clinic_id, email, display_name, roles, disciplines, password_hash, version)
           VALUES ($1, $2, $3, $4, '{practitioner}', ARRAY[$5]::text[], 'not-a-real-hash', 1)`,
          [id, clinicId, `${discipline}.${id}@example.test`, `The ${discipline} one`, discipline],
        );
      }
      await db.query(
        `INSERT INTO clients (id, clinic_id, client_number, first_name, last_name, date_of_birth, version)
         VALUES ($1, $2, 1, 'Anna', 'de Vries', '1984-03-12', 1)`,
        [practice.clientId, clinicId],
      );
    });
    return practice;
  };

  /** Puts `members` on the client's care team, the first one longest. */
  const seedCareTeam = (practice: Practice, members: [string, string][]): Promise<void> =>
    asOwner(async (db) => {
      for (const [index, [userId, discipline]] of members.entries()) {
        await db.query(
          `INSERT INTO care_team_members (id, clinic_id, client_id, user_id, discipline, since, added_by)
           VALUES ($1, $2, $3, $4, $5, DATE '2026-01-01' + $6::int, $4)`,
          [uuidv7(), practice.clinicId, practice.clientId, userId, discipline, index],
        );
      }
    });

  /** A PHQ-9 whose item 9 was answered 2, flagged as the server flags it. */
  const seedFlaggedPhq9 = async (practice: Practice, recordedBy: string): Promise<string> => {
    const id = uuidv7();
    await asOwner((db) =>
      db.query(
        `INSERT INTO measurements (id, clinic_id, client_id, instrument, answers, score, band, flags, taken_on, recorded_by)
         VALUES ($1, $2, $3, 'PHQ-9', '{2,2,1,2,1,2,1,1,2}', 14, 'moderate', '{self-harm-risk}', '2026-11-02', $4)`,
        [id, practice.clinicId, practice.clientId, recordedBy],
      ),
    );
    return id;
  };

  /** A plan of two phases, led by the acupuncturist; returns its id and the phase ids. */
  const seedPlan = async (
    practice: Practice,
    status: 'active' | 'cancelled',
  ): Promise<{ planId: string; phaseIds: [string, string] }> => {
    const planId = uuidv7();
    const phaseIds: [string, string] = [uuidv7(), uuidv7()];
    const phases = [
      {
        id: phaseIds[0],
        kind: 'elimination',
        dietProtocol: 'carnivore',
        startsOn: '2026-11-01',
        endsOn: PHASE_ONE_ENDS_ON,
        exitCriteria: null,
      },
      {
        id: phaseIds[1],
        kind: 'reintroduction',
        dietProtocol: 'other',
        startsOn: '2026-11-25',
        endsOn: '2026-12-22',
        exitCriteria: 'all foods reintroduced',
      },
    ];
    await asOwner((db) =>
      db.query(
        `INSERT INTO treatment_plans (id, clinic_id, client_id, title, status, lead_practitioner_id,
                                      disciplines, phases, created_by, updated_by, activated_at,
                                      ended_at, cancel_reason, version)
         VALUES ($1, $2, $3, 'Gut reset', $4, $5, '{acupuncture,nutrition}', $6::jsonb, $5, $5,
                 now(), CASE WHEN $4 = 'cancelled' THEN now() END,
                 CASE WHEN $4 = 'cancelled' THEN 'client moved away' END, 1)`,
        [
          planId,
          practice.clinicId,
          practice.clientId,
          status,
          practice.acupuncturist,
          JSON.stringify(phases),
        ],
      ),
    );
    return { planId, phaseIds };
  };

  describe(`on ${JobName.MeasurementFlagged}`, () => {
    it('raises one urgent call for the psychologist on the care team, however often it runs', async () => {
      const practice = await seedPractice();
      // The acupuncturist joined first and recorded the questionnaire: still not theirs.
      await seedCareTeam(practice, [
        [practice.acupuncturist, 'acupuncture'],
        [practice.psychologist, 'psychology'],
      ]);
      const measurementId = await seedFlaggedPhq9(practice, practice.acupuncturist);
      const payload = { clinicId: practice.clinicId, measurementId };
      const before = Date.now();

      await run(JobName.MeasurementFlagged, payload);

      const tasks = await tasksOf(practice.clinicId);
      expect(tasks).toEqual([
        {
          clientId: practice.clientId,
          type: 'call',
          priority: 'urgent',
          status: 'open',
          assigneeUserId: practice.psychologist,
          assigneeQueue: null,
          dueAt: expect.any(Date),
          note: expect.stringContaining('Contact the client today and assess the risk'),
          sourceKey: `self-harm:${measurementId}`,
          createdBy: null,
        },
      ]);
      expect(tasks[0].note).toContain('PHQ-9 of 2026-11-02');
      // Due at once: when the job ran, not some later day.
      expect(tasks[0].dueAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(tasks[0].dueAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

      // Delivered again (a retry, a relay that published twice): still one task.
      await run(JobName.MeasurementFlagged, payload);
      expect(await tasksOf(practice.clinicId)).toHaveLength(1);
    });

    it('raises the call for whoever recorded the measurement when no psychologist is on the care team', async () => {
      const practice = await seedPractice();
      await seedCareTeam(practice, [[practice.acupuncturist, 'acupuncture']]);
      const measurementId = await seedFlaggedPhq9(practice, practice.nutritionist);

      await run(JobName.MeasurementFlagged, { clinicId: practice.clinicId, measurementId });

      expect(await tasksOf(practice.clinicId)).toEqual([
        expect.objectContaining({
          type: 'call',
          priority: 'urgent',
          status: 'open',
          assigneeUserId: practice.nutritionist,
          assigneeQueue: null,
          note: expect.stringContaining('Contact the client today'),
          sourceKey: `self-harm:${measurementId}`,
        }),
      ]);
    });

    it('falls back to reception with a note that says nothing clinical when no practitioner is left', async () => {
      const practice = await seedPractice();
      await seedCareTeam(practice, [[practice.psychologist, 'psychology']]);
      const measurementId = await seedFlaggedPhq9(practice, practice.nutritionist);
      await asOwner((db) =>
        db.query(
          `UPDATE users SET status = 'deactivated', deactivated_at = now() WHERE id = ANY($1::uuid[])`,
          [[practice.psychologist, practice.nutritionist]],
        ),
      );

      await run(JobName.MeasurementFlagged, { clinicId: practice.clinicId, measurementId });

      const [task] = await tasksOf(practice.clinicId);
      expect(task).toMatchObject({
        priority: 'urgent',
        assigneeUserId: null,
        assigneeQueue: 'reception',
      });
      // Reception never sees clinical content (design section 4): no instrument, no item.
      expect(task.note).not.toMatch(/PHQ|self-harm|item 9|dead/i);
      expect(task.note).toMatch(/practitioner/);
    });

    it('raises nothing for a measurement without the flag: the job name names no flag', async () => {
      const practice = await seedPractice();
      await seedCareTeam(practice, [[practice.psychologist, 'psychology']]);
      const measurementId = await seedFlaggedPhq9(practice, practice.psychologist);
      await asOwner((db) =>
        db.query(`UPDATE measurements SET flags = '{}' WHERE id = $1`, [measurementId]),
      );

      await run(JobName.MeasurementFlagged, { clinicId: practice.clinicId, measurementId });

      expect(await tasksOf(practice.clinicId)).toEqual([]);
    });

    it('completes without raising anything for a measurement that no longer exists', async () => {
      const practice = await seedPractice();
      await seedCareTeam(practice, [[practice.psychologist, 'psychology']]);

      const job = await run(JobName.MeasurementFlagged, {
        clinicId: practice.clinicId,
        measurementId: uuidv7(),
      });

      expect(await job.getState()).toBe('completed');
      expect(await tasksOf(practice.clinicId)).toEqual([]);
    });
  });

  describe(`on ${JobName.PlanPhaseEnding}`, () => {
    it('raises one plan review for the lead practitioner, however often it runs', async () => {
      const practice = await seedPractice();
      const { planId, phaseIds } = await seedPlan(practice, 'active');
      const payload = {
        clinicId: practice.clinicId,
        treatmentPlanId: planId,
        phaseId: phaseIds[0],
        endsOn: PHASE_ONE_ENDS_ON,
      };

      await run(JobName.PlanPhaseEnding, payload);

      const expected: TaskRow = {
        clientId: practice.clientId,
        type: 'review-plan',
        priority: 'normal',
        status: 'open',
        assigneeUserId: practice.acupuncturist,
        assigneeQueue: null,
        // 17:00 in Amsterdam on the phase's last day (CET, UTC+1, in November).
        dueAt: new Date('2026-11-24T16:00:00.000Z'),
        note: 'Phase 1 of 2 (elimination, carnivore) of “Gut reset” ends on 2026-11-24: review the plan with the client.',
        sourceKey: `plan-phase-end:${planId}:${phaseIds[0]}:${PHASE_ONE_ENDS_ON}`,
        createdBy: null,
      };
      expect(await tasksOf(practice.clinicId)).toEqual([expected]);

      // Again, once after the other and twice at the same time: the source key decides.
      await run(JobName.PlanPhaseEnding, payload);
      await Promise.all([
        run(JobName.PlanPhaseEnding, payload),
        run(JobName.PlanPhaseEnding, payload),
      ]);
      expect(await tasksOf(practice.clinicId)).toEqual([expected]);
    });

    it('raises nothing for a phase whose end moved since the job was scheduled', async () => {
      const practice = await seedPractice();
      const { planId, phaseIds } = await seedPlan(practice, 'active');

      await run(JobName.PlanPhaseEnding, {
        clinicId: practice.clinicId,
        treatmentPlanId: planId,
        phaseId: phaseIds[0],
        endsOn: '2026-11-17', // the end it had when the job was scheduled; now the 24th
      });

      expect(await tasksOf(practice.clinicId)).toEqual([]);
    });

    it('raises nothing for a plan that was cancelled', async () => {
      const practice = await seedPractice();
      const { planId, phaseIds } = await seedPlan(practice, 'cancelled');

      await run(JobName.PlanPhaseEnding, {
        clinicId: practice.clinicId,
        treatmentPlanId: planId,
        phaseId: phaseIds[0],
        endsOn: PHASE_ONE_ENDS_ON,
      });

      expect(await tasksOf(practice.clinicId)).toEqual([]);
    });
  });

  it('keeps ids only in Redis: a self-harm event written to the outbox becomes a job without the note', async () => {
    const practice = await seedPractice();
    await seedCareTeam(practice, [[practice.psychologist, 'psychology']]);
    const measurementId = await seedFlaggedPhq9(practice, practice.psychologist);
    const tx = worker.get(TenantTransaction);
    const outbox = worker.get(Outbox);

    // As the measurements service does, in the transaction that recorded the measurement.
    const id = await tx.run(practice.clinicId, () =>
      outbox.add(JobName.MeasurementFlagged, { clinicId: practice.clinicId, measurementId }),
    );
    const published = await waitFor(async () => (await followUps.getJob(id)) ?? undefined, {
      what: 'the outbox relay to publish the job',
    });
    const job = await finished(published);

    expect(job.name).toBe(JobName.MeasurementFlagged);
    expect(
      Object.keys(job.data)
        .filter((key) => key !== 'requestId')
        .sort(),
    ).toEqual(['clinicId', 'measurementId']);
    expect(job.data).toMatchObject({ clinicId: practice.clinicId, measurementId });
    const tasks = await tasksOf(practice.clinicId);
    expect(tasks).toHaveLength(1);
    const stored = JSON.stringify(job.data);
    for (const clinical of [tasks[0].note as string, 'PHQ-9', 'self-harm', '2026-11-02']) {
      expect(stored).not.toContain(clinical);
    }
  });
});
