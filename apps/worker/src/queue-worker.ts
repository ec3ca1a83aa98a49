import { Logger } from '@nestjs/common';
import { makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import { UnrecoverableError, Worker, type AdvancedOptions, type Job } from 'bullmq';
import { type Histogram } from 'prom-client';
import { type AppConfigType } from '@app/config';
import { JOB_NAMES, workerConnection, type JobData, type JobName, type QueueName } from '@app/queue';

/** One handler per job name of a queue; a missing name does not compile (and is refused at boot). */
export type JobHandlers<Q extends QueueName> = {
  readonly [N in JobName<Q>]: (job: Job<JobData<Q, N>, unknown, N>) => Promise<unknown>;
};

export interface QueueWorkerOptions {
  config: AppConfigType;
  concurrency: number;
  settings?: AdvancedOptions;
  /** Observes every handler's duration by queue, job name and outcome. */
  durations?: Histogram<string>;
}

export const JOB_DURATION_METRIC = 'hev_job_duration_seconds';

/** SPEC 10 "job durations": one histogram for every queue the worker consumes. */
export const jobDurationProvider = makeHistogramProvider({
  name: JOB_DURATION_METRIC,
  help: 'Duration of queue job handlers by queue, job name and outcome (completed, failed)',
  labelNames: ['queue', 'name', 'outcome'],
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A payload id, or an UnrecoverableError: a malformed job is failed at once, never retried. */
export function requireUuid(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new UnrecoverableError(`${field} must be a UUID`);
  return value;
}

/**
 * A BullMQ worker for one queue (STYLE: one processor per queue, typed by the job map). It refuses to be created when
 * a job name of the queue has no handler, and is created stopped: the caller runs it once the app is ready.
 */
export function createQueueWorker<Q extends QueueName>(
  queue: Q,
  handlers: JobHandlers<Q>,
  options: QueueWorkerOptions,
): Worker {
  const byName = handlers as unknown as Record<string, ((job: Job) => Promise<unknown>) | undefined>;
  const missing = (JOB_NAMES[queue] as string[]).filter((name) => typeof byName[name] !== 'function');
  if (missing.length > 0) throw new Error(`Queue ${queue} has jobs without a handler: ${missing.join(', ')}`);
  const logger = new Logger(`Queue ${queue}`);
  const worker = new Worker(
    queue,
    async (job: Job) => {
      const handler = byName[job.name];
      if (!handler) throw new UnrecoverableError(`No handler for job ${job.name}`);
      const end = options.durations?.startTimer({ queue, name: job.name });
      try {
        const result = await handler(job);
        end?.({ outcome: 'completed' });
        return result;
      } catch (error) {
        end?.({ outcome: 'failed' });
        throw error;
      }
    },
    {
      connection: workerConnection(options.config.redisUrl),
      prefix: options.config.queuePrefix,
      concurrency: options.concurrency,
      lockDuration: options.config.workerLockMs,
      stalledInterval: options.config.workerLockMs,
      autorun: false,
      ...(options.settings ? { settings: options.settings } : {}),
    },
  );
  // Logged with the job id only: payloads hold ids, and error messages never carry personal data.
  worker.on('failed', (job, error) => {
    if (job)
      logger.warn(
        { jobId: job.id, job: job.name, attemptsMade: job.attemptsMade, error: error.message },
        'job attempt failed',
      );
  });
  worker.on('error', (error) => logger.error({ error: error.message }, 'worker error'));
  return worker;
}

/** Starts a created worker; a failure of its loop is logged, not thrown into the void. */
export function runWorker(worker: Worker, logger: Logger): void {
  worker.run().catch((error: unknown) => {
    logger.error(`worker ${worker.name} stopped: ${error instanceof Error ? error.message : String(error)}`);
  });
}
