/** Every queue of the platform. The `{hev}` hash-tag prefix (QUEUE_PREFIX) keeps a queue's keys in one Redis Cluster slot. */
export const QueueName = {
  /** Integrators drop applications here (SPEC 7.1). */
  INTAKE: 'hev-intake',
  /** Verification runs: one flow per run, one child per data source (SPEC 5.3). */
  VERIFICATION: 'hev-verification',
  /** Platform housekeeping: outbox relay, reconciler, public-notice timers and sweeps. */
  MAINTENANCE: 'hev-maintenance',
  /** Dynamic management (SPEC 11): review batches opened in chunks, the daily schedule, gradual exits. */
  REVIEWS: 'hev-reviews',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Per-subscriber event queue (SPEC 7.2): `hev-events-<name>`. */
export function eventQueueName(subscriber: string): string {
  return `hev-events-${subscriber}`;
}

/** Payloads carry ids only, never personal data (STYLE: Queues). */
export interface JobMap {
  [QueueName.INTAKE]: {
    'application.submit': { idempotencyKey?: unknown; actor?: unknown; application?: unknown };
    /** SPEC 11.3: `{ token, lifeEvent: { type, idNumber, occurredOn, sourceRef } }`, cleared once handled. */
    'life-event.report': { token?: unknown; lifeEvent?: unknown };
  };
  [QueueName.VERIFICATION]: {
    'verification.start': { runId: string };
    'verification.check': { runId: string; source: string };
    'verification.complete': { runId: string };
  };
  [QueueName.MAINTENANCE]: {
    'outbox.relay': Record<string, never>;
    'verification.reconcile': Record<string, never>;
    'public-notice.end': { applicationId: string };
    'public-notice.sweep': Record<string, never>;
  };
  [QueueName.REVIEWS]: {
    'review-batch.open': { batchId: string };
    'review-batch.check': { batchId: string };
    'review.schedule': Record<string, never>;
    'gradual-exit.end': { beneficiaryId: string };
    'gradual-exit.sweep': Record<string, never>;
  };
}

export type JobName<Q extends QueueName> = keyof JobMap[Q] & string;
export type JobData<Q extends QueueName, N extends JobName<Q>> = JobMap[Q][N];

/** Every job name of a queue, for the worker's "refuse to start without a handler" check. */
export const JOB_NAMES: { [Q in QueueName]: JobName<Q>[] } = {
  [QueueName.INTAKE]: ['application.submit', 'life-event.report'],
  [QueueName.VERIFICATION]: ['verification.start', 'verification.check', 'verification.complete'],
  [QueueName.MAINTENANCE]: [
    'outbox.relay',
    'verification.reconcile',
    'public-notice.end',
    'public-notice.sweep',
  ],
  [QueueName.REVIEWS]: [
    'review-batch.open',
    'review-batch.check',
    'review.schedule',
    'gradual-exit.end',
    'gradual-exit.sweep',
  ],
};
