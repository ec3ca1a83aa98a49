import type { JobsOptions, KeepJobs } from 'bullmq';

/** Finished jobs are trimmed: the last 1 000 or a day of completed ones. */
export const KEEP_COMPLETED_JOBS: KeepJobs = { count: 1000, age: 24 * 3600 };
/** Failed ones are kept a week (or the last 5 000) for inspection. */
export const KEEP_FAILED_JOBS: KeepJobs = { count: 5000, age: 7 * 24 * 3600 };

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: KEEP_COMPLETED_JOBS,
  removeOnFail: KEEP_FAILED_JOBS,
};
