import { SetMetadata } from '@nestjs/common';
import { JobName } from '../jobs/job-name';

export const JOB_HANDLER_METADATA = Symbol('meridian:job-handler');

/**
 * Marks a provider method as the handler of one job. Handlers run at least once per job, so
 * they must re-read state and return early when the work is already done or no longer due.
 */
export const JobHandler = (name: JobName): MethodDecorator =>
  SetMetadata(JOB_HANDLER_METADATA, name);
