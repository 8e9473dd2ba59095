'use strict';
/**
 * Ceiling of scenario 7: the tasks of TASKS_FILE (`[{ clinicId, id, dueAt }]`) added to the
 * follow-ups queue with one BullMQ `addBulk` per thousand, as delayed jobs under the app's job
 * ids and options with ids only in the payload, and a bare BullMQ Worker, as many jobs at once
 * as the app's (WORKER_CONCURRENCY), that marks each task told with the app's UPDATE
 * (`FollowUpsRepository.markTold`) in a tenant transaction as the application role. No Nest,
 * no TypeORM, no notification rows or e-mail: what a due notice costs at the least.
 */
const fs = require('node:fs');
const { Queue, Worker } = require('bullmq');
const { fromApp, pool } = require('./bare');

const { JOB_QUEUE, JobName } = fromApp('libs/queue/src/jobs/job-name.js');
const { jobIdOf } = fromApp('libs/queue/src/jobs/job-id.js');
const { jobOptions } = fromApp('libs/queue/src/jobs/job-options.js');

const MARK_TOLD = `UPDATE follow_up_tasks SET notified_at = now() WHERE clinic_id = $1 AND id = $2`;
const ADD_BATCH = 1000;

const connection = { url: process.env.REDIS_URL, maxRetriesPerRequest: null };
const prefix = process.env.REDIS_PREFIX;
const queueName = JOB_QUEUE[JobName.FollowUpDue];

/** The job's task marked told, in its clinic's tenant transaction. */
async function markTold(job) {
  const { clinicId, followUpId } = job.data;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query({
      name: 'set-clinic',
      text: "SELECT set_config('app.clinic_id', $1, true)",
      values: [clinicId],
    });
    await client.query({ name: 'mark-told', text: MARK_TOLD, values: [clinicId, followUpId] });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function main() {
  const worker = new Worker(queueName, markTold, {
    connection,
    prefix,
    concurrency: Number(process.env.WORKER_CONCURRENCY),
  });
  worker.on('failed', (job, error) => console.error(`job ${job?.id} failed: ${error.message}`));
  const queue = new Queue(queueName, { connection, prefix });
  // Stopped by the bench: the running jobs finish first, as the app's workers do.
  process.once('SIGTERM', () => {
    void Promise.all([worker.close(), queue.close()])
      .then(() => pool.end())
      .finally(() => process.exit(0));
  });
  const tasks = JSON.parse(fs.readFileSync(process.env.TASKS_FILE, 'utf8'));
  for (let i = 0; i < tasks.length; i += ADD_BATCH) {
    // Delays from the moment of each add, as the app's publisher times each batch.
    const now = Date.now();
    await queue.addBulk(
      tasks.slice(i, i + ADD_BATCH).map((task) => {
        const data = { clinicId: task.clinicId, followUpId: task.id, version: 1 };
        const jobId = jobIdOf({ name: JobName.FollowUpDue, data });
        return {
          name: JobName.FollowUpDue,
          data,
          opts: jobOptions(JobName.FollowUpDue, { jobId, runAt: new Date(task.dueAt) }, now),
        };
      }),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
