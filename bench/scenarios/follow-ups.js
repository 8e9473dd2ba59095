'use strict';
/**
 * 7: 10,000 follow-up tasks of ten clinics falling due within a few seconds. The app side is
 * the real worker process: the tasks and their outbox rows are written as the app writes them,
 * its relay moves the rows to BullMQ as delayed jobs, and at each due time its handler tells
 * the assignee (notification rows, e-mail jobs, the task's `notified_at`). The ceiling is a
 * bare BullMQ worker that only marks each task told (`ceilings/follow-ups.js`). Throughput is
 * tasks told per second from the first due time to the last told; lateness is told − due.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { Queue } = require('bullmq');
const { Redis } = require('ioredis');
const { Pool } = require('pg');
const { SMTPServer } = require('smtp-server');
const { v7: uuidv7 } = require('uuid');
const { NODE_FLAGS } = require('../../scripts/node-flags');
const children = require('../lib/children');
const setting = require('../lib/setting');

const fromWorker = (file) => require(path.join(setting.ROOT, 'dist/apps/worker', file));
const { JOB_QUEUE, JobName } = fromWorker('libs/queue/src/jobs/job-name.js');
const { jobIdOf } = fromWorker('libs/queue/src/jobs/job-id.js');
const { QUEUE_NAMES } = fromWorker('libs/queue/src/jobs/queue-name.js');

const WORKER_MAIN = path.join(setting.ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const QUEUE_WORKERS = path.join(
  setting.ROOT,
  'dist/apps/worker/apps/worker/src/queues/queue-workers.js',
);

const TASKS = 10_000;
const CLINICS = 10;
/**
 * Due times spread evenly over this window: 2,000 a second, about the most the bare worker
 * tells on the two-core bench machine (it falls behind too with 2 s), so that its figure is
 * near its capacity and its lateness shows what keeping up looks like.
 */
const WINDOW_MS = 5_000;
/** From the first insert to the first due time: writing the tasks, then the relay's work. */
const APP_LEAD_MS = 12_000;
/** From resetting the tasks to the first due time: the bare side adds its jobs itself. */
const CEILING_LEAD_MS = 6_000;
/** After the last due time, tasks not yet told count as errors. */
const TIMEOUT_MS = 120_000;
/** Tasks per tenant transaction when writing them, and transactions at once. */
const WRITE_BATCH = 100;
const WRITERS = 3;
/** Every bench task carries this source key prefix, so leftovers of a killed run are found. */
const SOURCE_KEY = 'bench:follow-ups:';
/** The request id of the outbox rows the bench writes, by which it waits for the relay. */
const REQUEST_ID = `bench-follow-ups-${process.pid}`;
const APP_PREFIX = 'bench-follow-ups-app';
const CEILING_PREFIX = 'bench-follow-ups-bare';

/** `FollowUpsRepository.insertOnce`, word for word: how the app raises a task. */
const TASK_INSERT = `INSERT INTO follow_up_tasks (id, clinic_id, client_id, type, priority, assignee_user_id,
                                    assignee_queue, due_at, note, source_key, created_by, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)
       ON CONFLICT (clinic_id, source_key) DO NOTHING
       RETURNING id`;
/** `OutboxRepository.insert`, word for word. */
const OUTBOX_INSERT = `INSERT INTO outbox (id, job_id, clinic_id, queue, job_name, payload, run_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`;

module.exports = {
  name: 'follow-ups',
  title: '10,000 follow-ups falling due: outbox → BullMQ → handler → notification row',
  target: { ratio: 0.5, p99MaxMs: 1000 },
  note: 'tasks told per second (first due → last told); p50/p99 = lateness in ms (told − due).',
  async measure(ctx) {
    const concurrency = workerConcurrency();
    const config = setting.appConfig();
    const redis = new Redis(config.REDIS_URL);
    const sink = await mailSink();
    let worker = null;
    let ceiling = null;
    const tasksFile = path.join(os.tmpdir(), `bench-follow-ups-${process.pid}.json`);
    // Everything the worker writes from here on is undone at the end (see `restore`).
    const since = await dbNow(ctx.db);
    try {
      await restore(ctx.db, null);
      await deleteKeys(redis, APP_PREFIX);
      await deleteKeys(redis, CEILING_PREFIX);
      const tasks = await pickTasks(ctx.db);
      const owed = await owedJobs(ctx.db);

      process.stderr.write('follow-ups: starting the worker\n');
      worker = children.start(
        'worker',
        WORKER_MAIN,
        {
          ...ctx.env,
          REDIS_URL: config.REDIS_URL,
          REDIS_PREFIX: APP_PREFIX,
          SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        },
        [],
        // As `npm start` runs it.
        NODE_FLAGS,
      );
      const booted = Date.now();
      await workerSettled(config.REDIS_URL, worker);
      process.stderr.write(`follow-ups: the worker settled in ${Date.now() - booted} ms\n`);

      process.stderr.write(`follow-ups: writing ${TASKS} tasks and their outbox rows\n`);
      const firstDue = Date.now() + APP_LEAD_MS;
      const written = await writeTasks(ctx.env.DATABASE_APP_URL, tasks, firstDue);
      const relayed = await relayDone(ctx.db, firstDue);
      process.stderr.write('follow-ups: measuring the worker\n');
      const app = await told(ctx.db, firstDue);
      const notices = await noticesOf(ctx.db, since);
      const mailed = sink.received();
      await children.stop(worker);
      worker = null;
      await deleteKeys(redis, APP_PREFIX);

      process.stderr.write('follow-ups: measuring the bare worker\n');
      const ceilingFirstDue = Date.now() + CEILING_LEAD_MS;
      await resetTasks(ctx.db, ceilingFirstDue - firstDue, tasksFile);
      ceiling = children.start(
        'follow-ups ceiling',
        path.join(__dirname, '..', 'ceilings', 'follow-ups.js'),
        {
          ...ctx.env,
          REDIS_URL: config.REDIS_URL,
          REDIS_PREFIX: CEILING_PREFIX,
          WORKER_CONCURRENCY: String(concurrency),
          TASKS_FILE: tasksFile,
        },
      );
      const added = await ceilingJobsAdded(config.REDIS_URL, ceiling, ceilingFirstDue);
      const bare = await told(ctx.db, ceilingFirstDue);
      await children.stop(ceiling);
      ceiling = null;

      const seconds = (ms) => (ms / 1000).toFixed(1);
      return {
        app: app.summary,
        ceiling: bare.summary,
        extraTargets: [{ text: `all ${TASKS} told`, met: app.summary.errors === 0 }],
        extraNotes: [
          `${TASKS} open tasks of ${CLINICS} clinics (${written.reception} for the reception queue, the rest for a practitioner), due evenly over ${seconds(WINDOW_MS)} s (${Math.round(TASKS / (WINDOW_MS / 1000))} a second offered); lateness = notified_at − due_at, notified_at being now() of the transaction that tells (the handler writes the notification rows in the same one).`,
          `app: the worker process (dist main.js, Redis prefix of its own), ${concurrency} jobs at once per queue; tasks and outbox rows written with the app's statements in tenant transactions ${seconds(written.ms)} s, relayed to BullMQ ${seconds(relayed.marginMs)} s before the first due time; ${notices.rows} notification rows (${(notices.rows / Math.max(1, app.summary.requests)).toFixed(2)} per task), e-mail (its own jobs on the notifications queue, running beside the notices) to an SMTP sink in the bench process that accepts everything: ${mailed} messages when the last task was told.`,
          `ceiling: BullMQ addBulk of the same due times (${seconds(added.marginMs)} s ahead) and a bare Worker, concurrency ${concurrency}, running the handler's UPDATE in a tenant transaction as the application role; lateness p50 ${bare.summary.p50} ms, p99 ${bare.summary.p99} ms.`,
          ...(owed > 0
            ? [
                `the data set owed ${owed} jobs of its own (it has aged past its anchor day): the worker ran them too, mostly before the measurement; what they wrote was undone after it.`,
              ]
            : []),
        ],
      };
    } finally {
      await children.stop(worker);
      await children.stop(ceiling);
      fs.rmSync(tasksFile, { force: true });
      const restoring = Date.now();
      await restore(ctx.db, since);
      process.stderr.write(`follow-ups: restored in ${Date.now() - restoring} ms\n`);
      await deleteKeys(redis, APP_PREFIX);
      await deleteKeys(redis, CEILING_PREFIX);
      redis.disconnect();
      await sink.close();
    }
  },
};

/**
 * The app's jobs-at-once per queue, read from the built worker, so the ceiling runs with the
 * same whatever it becomes.
 */
function workerConcurrency() {
  const found = /const CONCURRENCY = (\d+);/.exec(fs.readFileSync(QUEUE_WORKERS, 'utf8'));
  if (!found) throw new Error(`no CONCURRENCY in ${QUEUE_WORKERS}`);
  return Number(found[1]);
}

async function dbNow(db) {
  return (await db.query('SELECT now() AS now')).rows[0].now;
}

/**
 * `CLINICS` clinics, each with `TASKS / CLINICS` tasks of active clients. Like the data set's
 * own tasks, about half are for the reception queue (everyone at reception is told), the
 * rest for a practitioner on the client's care team; a receptionist created each.
 */
async function pickTasks(db) {
  const perClinic = TASKS / CLINICS;
  const { rows: clinics } = await db.query(
    `SELECT c.id, c.escalation_grace_hours AS grace,
            (SELECT u.id FROM users u
             WHERE u.clinic_id = c.id AND u.status = 'active' AND 'receptionist' = ANY (u.roles)
             ORDER BY u.id LIMIT 1) AS receptionist
     FROM clinics c ORDER BY c.id LIMIT $1`,
    [CLINICS],
  );
  const byClinic = [];
  for (const clinic of clinics) {
    const { rows } = await db.query(
      `SELECT c.id AS "clientId", (
         SELECT m.user_id FROM care_team_members m
         JOIN users u ON u.clinic_id = m.clinic_id AND u.id = m.user_id AND u.status = 'active'
         WHERE m.clinic_id = c.clinic_id AND m.client_id = c.id
         ORDER BY m.user_id LIMIT 1) AS practitioner
       FROM clients c
       WHERE c.clinic_id = $1 AND c.erased_at IS NULL AND c.archived_at IS NULL
       ORDER BY c.id LIMIT $2`,
      [clinic.id, perClinic],
    );
    if (rows.length < perClinic || !clinic.receptionist) {
      throw new Error(`clinic ${clinic.id} has too few active clients or no receptionist`);
    }
    byClinic.push(
      rows.map((row, i) => ({
        id: uuidv7(),
        clinicId: clinic.id,
        graceHours: clinic.grace,
        clientId: row.clientId,
        // Nine in twenty for a practitioner: the data set's own share is 45 %.
        assigneeUserId: i % 20 < 9 && row.practitioner ? row.practitioner : null,
        createdBy: clinic.receptionist,
      })),
    );
  }
  // Clinics interleaved, so that every stretch of the window holds tasks of each.
  return byClinic[0].flatMap((_, i) => byClinic.map((tasks) => tasks[i]));
}

/** What the reconciler would find owed when the worker starts (aged data), across clinics. */
async function owedJobs(db) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS owed FROM owed_jobs(make_interval(mins => 15))`,
  );
  return rows[0].owed;
}

/**
 * The worker has booted and done what it does at boot (the first access-log seal, the first
 * reconciliation, whatever those owed): no job waits or runs on any queue.
 */
async function workerSettled(redisUrl, worker, timeoutMs = 120_000) {
  const queues = QUEUE_NAMES.map(
    (name) => new Queue(name, { connection: { url: redisUrl }, prefix: APP_PREFIX }),
  );
  try {
    await until(`the worker settled`, timeoutMs, worker, async () => {
      let busy = 0;
      let maintenanceRan = 0;
      for (const queue of queues) {
        const counts = await queue.getJobCounts(
          'active',
          'wait',
          'prioritized',
          'completed',
          'failed',
        );
        busy += counts.active + counts.wait + counts.prioritized;
        if (queue.name === 'maintenance') maintenanceRan = counts.completed + counts.failed;
      }
      return busy === 0 && maintenanceRan > 0;
    });
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}

/**
 * Writes the tasks as `FollowUpJobs.raise` does: per task the row and its two jobs (the due
 * notice at the due time, the escalation a grace period later) in the outbox, in tenant
 * transactions as the application role. Due times run evenly from `firstDue` over the window.
 */
async function writeTasks(appUrl, tasks, firstDue) {
  const started = Date.now();
  const pool = new Pool({ connectionString: appUrl, max: WRITERS });
  tasks.forEach((task, i) => {
    task.dueAt = new Date(firstDue + Math.floor((i * WINDOW_MS) / tasks.length));
    task.sourceKey = `${SOURCE_KEY}${i}`;
  });
  // A transaction serves one clinic: batches of one clinic's tasks, in due order.
  const byClinic = new Map();
  for (const task of tasks) {
    if (!byClinic.has(task.clinicId)) byClinic.set(task.clinicId, []);
    byClinic.get(task.clinicId).push(task);
  }
  const batches = [];
  for (const tasksOfClinic of byClinic.values()) {
    for (let i = 0; i < tasksOfClinic.length; i += WRITE_BATCH) {
      batches.push(tasksOfClinic.slice(i, i + WRITE_BATCH));
    }
  }
  const writeBatch = async (batch) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.clinic_id', $1, true)`, [batch[0].clinicId]);
      for (const task of batch) {
        await client.query({
          name: 'task-insert',
          text: TASK_INSERT,
          values: [
            task.id,
            task.clinicId,
            task.clientId,
            'call',
            'normal',
            task.assigneeUserId,
            task.assigneeUserId ? null : 'reception',
            task.dueAt,
            null,
            task.sourceKey,
            task.createdBy,
          ],
        });
        const due = { clinicId: task.clinicId, followUpId: task.id, version: 1 };
        const escalate = { ...due, graceHours: task.graceHours };
        await addToOutbox(client, JobName.FollowUpDue, due, task.dueAt);
        await addToOutbox(
          client,
          JobName.FollowUpEscalate,
          escalate,
          new Date(task.dueAt.getTime() + task.graceHours * 3_600_000),
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  try {
    let next = 0;
    const writer = async () => {
      while (next < batches.length) await writeBatch(batches[next++]);
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
  } finally {
    await pool.end();
  }
  if (Date.now() > firstDue) throw new Error('writing the tasks took longer than APP_LEAD_MS');
  return {
    ms: Date.now() - started,
    reception: tasks.filter((task) => !task.assigneeUserId).length,
  };
}

/** `Outbox.add`: the deterministic job id, the job's queue, the payload with the request id. */
function addToOutbox(client, name, data, runAt) {
  return client.query({
    name: 'outbox-insert',
    text: OUTBOX_INSERT,
    values: [
      uuidv7(),
      jobIdOf({ name, data }),
      data.clinicId,
      JOB_QUEUE[name],
      name,
      JSON.stringify({ ...data, requestId: REQUEST_ID }),
      runAt,
    ],
  });
}

/**
 * Waits until the relay has moved every bench job to BullMQ. The margin to `by` (the first due
 * time) is reported: negative, the relay was still at work when tasks fell due.
 */
async function relayDone(db, by) {
  await until('the relay', by + TIMEOUT_MS - Date.now(), null, async () => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS pending FROM outbox
       WHERE dispatched_at IS NULL AND payload->>'requestId' = $1`,
      [REQUEST_ID],
    );
    return rows[0].pending === 0;
  });
  return { marginMs: by - Date.now() };
}

/**
 * Waits until every bench task is told (or `TIMEOUT_MS` after the last due time), then sums
 * up: told per second from the first due time to the last told, and lateness percentiles.
 */
async function told(db, firstDue) {
  const deadline = firstDue + WINDOW_MS + TIMEOUT_MS;
  await sleep(Math.max(0, firstDue + WINDOW_MS - Date.now()));
  while (Date.now() < deadline) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS open FROM follow_up_tasks
       WHERE status = 'open' AND notified_at IS NULL AND due_at >= $1 AND due_at < $2
         AND starts_with(source_key, $3)`,
      [new Date(firstDue), new Date(firstDue + WINDOW_MS), SOURCE_KEY],
    );
    if (rows[0].open === 0) break;
    await sleep(250);
  }
  const { rows } = await db.query(
    `SELECT count(notified_at)::int AS told,
            (extract(epoch FROM max(notified_at) - min(due_at)) * 1000)::float8 AS span,
            percentile_disc(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (
              ORDER BY (extract(epoch FROM notified_at - due_at) * 1000)::float8) AS late
     FROM follow_up_tasks WHERE starts_with(source_key, $1)`,
    [SOURCE_KEY],
  );
  const { told: count, span, late } = rows[0];
  const [p50, p95, p99] = (late ?? [0, 0, 0]).map((ms) => Math.round(Number(ms) * 10) / 10);
  return {
    summary: {
      rps: count > 0 ? count / (Number(span) / 1000) : 0,
      p50,
      p95,
      p99,
      requests: count,
      errors: TASKS - count,
    },
  };
}

/** The due notices the worker wrote. */
async function noticesOf(db, since) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS rows FROM notifications
     WHERE kind = 'follow-up-due' AND created_at >= $1`,
    [since],
  );
  return rows[0];
}

/**
 * The same tasks for the bare side: untold again, due times moved by `shiftMs` (the same
 * spacing), and written to `file` for the ceiling. VACUUM, so that the bare side's UPDATEs
 * do not meet the dead rows the app side left.
 */
async function resetTasks(db, shiftMs, file) {
  const { rows } = await db.query(
    `UPDATE follow_up_tasks
     SET notified_at = NULL, due_at = due_at + make_interval(secs => $2::float8 / 1000)
     WHERE starts_with(source_key, $1)
     RETURNING clinic_id AS "clinicId", id, due_at AS "dueAt"`,
    [SOURCE_KEY, shiftMs],
  );
  await db.query('VACUUM follow_up_tasks');
  fs.writeFileSync(file, JSON.stringify(rows));
}

/** Waits until the ceiling holds every job delayed, reporting the margin to `by`. */
async function ceilingJobsAdded(redisUrl, ceiling, by) {
  const queue = new Queue(JOB_QUEUE[JobName.FollowUpDue], {
    connection: { url: redisUrl },
    prefix: CEILING_PREFIX,
  });
  try {
    await until('the bare jobs added', by + TIMEOUT_MS - Date.now(), ceiling, async () => {
      const counts = await queue.getJobCounts('delayed', 'wait', 'active', 'completed');
      return counts.delayed + counts.wait + counts.active + counts.completed === TASKS;
    });
  } finally {
    await queue.close();
  }
  return { marginMs: by - Date.now() };
}

/** Polls `done` until it holds; fails after `timeoutMs` or when `child` exits. */
async function until(what, timeoutMs, child, done) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return;
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${child.benchName} exited: ${what}`);
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/**
 * Puts the data set back as it was: the bench's tasks go with their notifications and outbox
 * rows (also those of a run that was killed). The data set also ages: from the day after
 * its anchor, its own tasks fall due and plan phases end, and the real worker acts on them as
 * it would in production. What it wrote since `since` is undone too.
 */
async function restore(db, since) {
  // Statistics first: the data set's say these tables are empty, and nested loops over tens
  // of thousands of rows each way took half a minute.
  await db.query('ANALYZE notifications, outbox');
  await db.query(
    `WITH tasks AS (
       DELETE FROM follow_up_tasks WHERE starts_with(source_key, $1) RETURNING id::text AS id),
     notices AS (
       DELETE FROM notifications n USING tasks t
       WHERE n.kind IN ('follow-up-due', 'follow-up-escalation')
         AND split_part(n.source_key, ':', 2) = t.id
       RETURNING n.id::text AS id),
     ids AS (SELECT id FROM tasks UNION ALL SELECT id FROM notices)
     DELETE FROM outbox o USING ids
     WHERE coalesce(o.payload->>'followUpId', o.payload->>'notificationId') = ids.id`,
    [SOURCE_KEY],
  );
  if (!since) return;
  await db.query(`UPDATE follow_up_tasks SET notified_at = NULL WHERE notified_at >= $1`, [since]);
  await db.query(`UPDATE follow_up_tasks SET escalated_at = NULL WHERE escalated_at >= $1`, [
    since,
  ]);
  await db.query(`DELETE FROM follow_up_tasks WHERE created_at >= $1`, [since]);
  await db.query(`DELETE FROM notifications WHERE created_at >= $1`, [since]);
  await db.query(`DELETE FROM outbox WHERE created_at >= $1`, [since]);
  await db.query('VACUUM (ANALYZE) follow_up_tasks, notifications, outbox');
}

/** Deletes every Redis key under `prefix` (a BullMQ prefix of the bench's own). */
async function deleteKeys(redis, prefix) {
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) {
    if (keys.length > 0) await redis.unlink(...keys);
  }
}

/**
 * An SMTP server in the bench process that accepts every message and keeps none: where the
 * worker's e-mail goes, so a mail failure never retries during the measurement.
 */
async function mailSink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('end', () => {
        received++;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.server.address().port,
    received: () => received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
