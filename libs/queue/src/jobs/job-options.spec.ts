import { JobName } from './job-name';
import { jobOptions } from './job-options';

describe(jobOptions.name, () => {
  const now = Date.parse('2026-11-24T10:00:00Z');

  it('uses the given id so that adding the same job twice is a no-op', () => {
    expect(jobOptions(JobName.OutboxPrune, { jobId: 'abc' }, now).jobId).toBe('abc');
  });

  it('delays a job until its run time and never into the past', () => {
    const later = new Date(now + 90_000);
    expect(jobOptions(JobName.OutboxPrune, { jobId: 'a', runAt: later }, now).delay).toBe(90_000);
    const earlier = new Date(now - 90_000);
    expect(jobOptions(JobName.OutboxPrune, { jobId: 'a', runAt: earlier }, now).delay).toBe(0);
  });

  it('retries with exponential backoff and keeps failed jobs visible', () => {
    const options = jobOptions(JobName.OutboxPrune, { jobId: 'a' }, now);
    expect(options.attempts).toBeGreaterThan(1);
    expect(options.backoff).toEqual({ type: 'exponential', delay: 5_000 });
    expect(options.removeOnFail).toBe(false);
  });
});
