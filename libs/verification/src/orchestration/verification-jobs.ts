import { type JobsOptions } from 'bullmq';
import { type SourceCallConfig } from '@app/config';
import { DEFAULT_JOB_OPTIONS } from '@app/queue';

/** The `source` of a run's check job that hands every source's pending checks to the batches. */
export const ALL_SOURCES = 'ALL';

/** BullMQ serves jobs without a priority before prioritized ones (1 = the highest explicit priority). */
export const CHECK_PRIORITY = 1;

/** The custom backoff type of check jobs; the worker's `backoffStrategy` computes it with `sourceBackoffDelay`. */
export const SOURCE_BACKOFF_TYPE = 'hev-source';

/** Job ids carry the run and its pass: BullMQ refuses ':' in ids, and a new pass must never collide with an old one. */
export function startJobId(runId: string, pass: number): string {
  return pass === 0 ? `run-${runId}` : `run-${runId}-p${pass}`;
}

export function checkJobId(runId: string, source: string, pass: number): string {
  return `check-${runId}-${source}-p${pass}`;
}

export function completeJobId(runId: string, pass: number): string {
  return `complete-${runId}-p${pass}`;
}

/**
 * A check job is attempted `attempts` times, spaced by the jittered, capped exponential backoff below. A source
 * failure never fails the job (its last attempt marks the checks FAILED and succeeds); a job that fails anyway (a
 * database outage through every attempt) does not hold its parent: the parent runs, finds the checks still
 * pending, leaves the run RUNNING, and the reconciler starts it again.
 */
export function checkJobOptions(settings: SourceCallConfig): JobsOptions {
  return {
    ...DEFAULT_JOB_OPTIONS,
    attempts: settings.attempts,
    backoff: { type: SOURCE_BACKOFF_TYPE },
    ignoreDependencyOnFailure: true,
    // Jobs without a priority go first: a run whose checks are done completes (and a new run gets its flow)
    // before the next of a backlog's checks, instead of waiting behind all of them.
    priority: CHECK_PRIORITY,
  };
}

/** The parent builds the report; it retries on a version conflict or a database hiccup. */
export const COMPLETE_JOB_OPTIONS: JobsOptions = {
  ...DEFAULT_JOB_OPTIONS,
  attempts: 8,
  backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
};

/**
 * Delay before the next attempt after `attemptsMade` failures: exponential from `backoffMs`, capped at
 * `backoffMaxMs`, with "equal jitter" (half fixed, half random) so that checks failed together by one outage do not
 * all come back at the same instant.
 */
export function sourceBackoffDelay(
  attemptsMade: number,
  settings: Pick<SourceCallConfig, 'backoffMs' | 'backoffMaxMs'>,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, attemptsMade - 1);
  const ceiling = Math.min(settings.backoffMaxMs, settings.backoffMs * 2 ** Math.min(exponent, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
