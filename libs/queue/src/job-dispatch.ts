import { UnrecoverableError, type Job } from 'bullmq';
import { JOB_NAMES, type JobData, type JobName, type QueueName } from './queue-names';

/** A job as its handler sees it: the name and data typed by the job map of this lib. */
export type TypedJob<Q extends QueueName, N extends JobName<Q>> = Job<JobData<Q, N>, unknown, N>;

/** One handler per job name of a queue; the mapped type makes a missing name a compile error. */
export type JobHandlers<Q extends QueueName> = {
  [N in JobName<Q>]: (job: TypedJob<Q, N>) => Promise<unknown>;
};

/**
 * STYLE (Queues): a processor refuses to start when a job name of its queue has no handler. The mapped type catches
 * it at compile time; this catches what a cast or a stale build could still slip through. Call it in the
 * processor's constructor, so the process fails before any worker connects.
 */
export function assertHandlesEveryJob<Q extends QueueName>(
  queue: Q,
  handlers: Partial<Record<string, unknown>>,
): void {
  const missing = JOB_NAMES[queue].filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0)
    throw new Error(`The processor of ${queue} has no handler for job(s): ${missing.join(', ')}`);
}

/**
 * Routes a job to its handler. A name the queue does not know fails that job only, without retries
 * (`UnrecoverableError`); `onUnknown` may clean up first (the name is the producer's text: it is not echoed).
 */
export async function dispatchJob<Q extends QueueName>(
  queue: Q,
  handlers: JobHandlers<Q>,
  job: Job,
  onUnknown?: (job: Job) => Promise<void>,
): Promise<unknown> {
  const known = (JOB_NAMES[queue] as string[]).includes(job.name);
  const handler = known
    ? (handlers as unknown as Record<string, (job: Job) => Promise<unknown>>)[job.name]
    : undefined;
  if (!handler) {
    await onUnknown?.(job);
    throw new UnrecoverableError(`Unknown job name on ${queue}; no handler (job failed without retry)`);
  }
  return handler(job);
}
