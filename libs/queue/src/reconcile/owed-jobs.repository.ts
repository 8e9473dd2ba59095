import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobItem } from '../jobs/job-payload';

/** A job committed state owes, as the reconciler schedules it. */
export interface OwedJob {
  item: JobItem;
  /** When it should run; null runs it at once. */
  runAt: Date | null;
}

/**
 * What PostgreSQL, the source of truth, says the queues owe, across every clinic, through the
 * narrow `owed_jobs` function (ids and times only; see its migration).
 */
@Injectable()
export class OwedJobsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Jobs due within `horizonMinutes` or overdue. */
  async within(horizonMinutes: number): Promise<OwedJob[]> {
    const rows = (await this.dataSource.query(
      `SELECT job_name, payload, run_at FROM owed_jobs(make_interval(mins => $1))`,
      [horizonMinutes],
    )) as { job_name: string; payload: object; run_at: Date | null }[];
    return rows.map((row) => ({
      item: { name: row.job_name, data: row.payload } as JobItem,
      runAt: row.run_at,
    }));
  }
}
