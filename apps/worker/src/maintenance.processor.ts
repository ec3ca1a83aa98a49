import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DelayedError, type Job, type Queue, type Worker } from 'bullmq';
import { ApplicationWorkflowService } from '@app/applications';
import { appConfig, type AppConfigType } from '@app/config';
import { DEFAULT_JOB_OPTIONS, QueueName } from '@app/queue';
import { reconcileEveryMs, VerificationReconciler } from '@app/verification';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { type Histogram } from 'prom-client';
import {
  createQueueWorker,
  JOB_DURATION_METRIC,
  requireUuid,
  runWorker,
  type JobHandlers,
} from './queue-worker';

/** The job scheduler of the verification reconciler (SPEC 5.3). */
export const RECONCILE_SCHEDULER_ID = 'verification-reconcile';

/** The job scheduler of the public-notice sweep (SPEC 4): one schedule per deployment however many workers start. */
export const NOTICE_SWEEP_SCHEDULER_ID = 'public-notice-sweep';

/** `hev-maintenance`: housekeeping jobs, each one call into a lib. */
@Injectable()
export class MaintenanceProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MaintenanceProcessor.name);
  private readonly worker: Worker;
  private readonly reconcileEvery: number;
  private readonly sweepEvery: number;
  private watchdog: NodeJS.Timeout | undefined;

  readonly handlers: JobHandlers<typeof QueueName.MAINTENANCE> = {
    // The outbox relay is a continuous, leader-elected loop in every worker (libs/events); nothing to do per job.
    'outbox.relay': () => Promise.resolve(null),
    'verification.reconcile': () => this.reconciler.reconcile(),
    'public-notice.end': (job) => this.endNotice(job),
    'public-notice.sweep': async () => ({ ended: await this.workflow.sweepNotices() }),
  };

  constructor(
    @Inject(appConfig.KEY) config: AppConfigType,
    @InjectQueue(QueueName.MAINTENANCE) private readonly queue: Queue,
    private readonly reconciler: VerificationReconciler,
    private readonly workflow: ApplicationWorkflowService,
    @InjectMetric(JOB_DURATION_METRIC) durations: Histogram<string>,
  ) {
    this.reconcileEvery = reconcileEveryMs(config.reconcileAfterSeconds);
    this.sweepEvery = Math.max(1, config.publicNoticeSweepSeconds) * 1000;
    this.worker = createQueueWorker(QueueName.MAINTENANCE, this.handlers, {
      config,
      concurrency: 2,
      durations,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    runWorker(this.worker, this.logger);
    // Not awaited: with Redis away the call waits for it, and the worker must still come up (and report unready).
    void this.ensureSchedule();
    // At start too: a worker replacing a crashed one picks up stranded runs at once.
    void this.reconciler
      .reconcile()
      .catch((error: unknown) => this.logger.warn(`reconcile at start: ${messageOf(error)}`));
    // And the public-notice sweep: a notice that ended while no worker ran is closed now, not at the next tick.
    try {
      const ended = await this.workflow.sweepNotices();
      if (ended > 0) this.logger.log(`start-up sweep ended ${ended} public notice(s) past their end`);
    } catch (error) {
      this.logger.warn(`public-notice sweep at start: ${messageOf(error)}`);
    }
    // A Redis wipe also deletes the job schedulers: put them back whenever they are missing.
    this.watchdog = setInterval(
      () => void this.ensureSchedule(),
      Math.min(this.reconcileEvery, this.sweepEvery),
    );
    this.watchdog.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.watchdog);
    await this.worker.close();
  }

  private async ensureSchedule(): Promise<void> {
    try {
      if (!(await this.queue.getJobScheduler(RECONCILE_SCHEDULER_ID)))
        await this.queue.upsertJobScheduler(
          RECONCILE_SCHEDULER_ID,
          { every: this.reconcileEvery },
          { name: 'verification.reconcile', data: {}, opts: DEFAULT_JOB_OPTIONS },
        );
      if (!(await this.queue.getJobScheduler(NOTICE_SWEEP_SCHEDULER_ID)))
        await this.queue.upsertJobScheduler(
          NOTICE_SWEEP_SCHEDULER_ID,
          { every: this.sweepEvery },
          { name: 'public-notice.sweep', data: {}, opts: DEFAULT_JOB_OPTIONS },
        );
    } catch (error) {
      this.logger.warn(`maintenance schedules not checked: ${messageOf(error)}`);
    }
  }

  /** The delayed job of one notice; idempotent (the sweep or another worker may have ended it already). */
  private async endNotice(job: Job<{ applicationId: string }>): Promise<unknown> {
    const outcome = await this.workflow.endNotice(
      requireUuid(job.data?.applicationId, 'applicationId'),
      'timer',
    );
    if (outcome.result === 'NOT_DUE') {
      // Fired early (clocks of processes differ): wait for the notice's real end.
      await job.moveToDelayed(outcome.endsAt.getTime(), job.token);
      throw new DelayedError();
    }
    return outcome;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
