import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DelayedError, type Job, type Queue, type Worker } from 'bullmq';
import { BeneficiariesService, ReviewBatchesService } from '@app/beneficiaries';
import { appConfig, type AppConfigType } from '@app/config';
import { DEFAULT_JOB_OPTIONS, QueueName } from '@app/queue';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { type Histogram } from 'prom-client';
import {
  createQueueWorker,
  JOB_DURATION_METRIC,
  requireUuid,
  runWorker,
  type JobHandlers,
} from './queue-worker';

/** The daily periodic-review batches (SPEC 11.4): one schedule per deployment, in China time. */
export const REVIEW_SCHEDULER_ID = 'review-schedule';
/** The sweep that ends gradual exits and completes batches whose timers were lost. */
export const REVIEW_SWEEP_SCHEDULER_ID = 'review-sweep';
/** How long a running batch waits between completion checks. */
const BATCH_CHECK_EVERY_MS = 2_000;

/** `hev-reviews`: dynamic management (SPEC 11), each job one call into @app/beneficiaries. */
@Injectable()
export class ReviewsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReviewsProcessor.name);
  private readonly worker: Worker;
  private watchdog: NodeJS.Timeout | undefined;

  readonly handlers: JobHandlers<typeof QueueName.REVIEWS> = {
    'review-batch.open': (job) => this.batches.openAll(requireUuid(job.data?.batchId, 'batchId')),
    'review-batch.check': (job) => this.checkBatch(job),
    'review.schedule': () => this.batches.runSchedule(),
    'gradual-exit.end': (job) => this.endExit(job),
    'gradual-exit.sweep': async () => ({
      stopped: await this.roll.sweepGradualExits(),
      batchesCompleted: await this.batches.checkRunning(),
    }),
  };

  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfigType,
    @InjectQueue(QueueName.REVIEWS) private readonly queue: Queue,
    private readonly batches: ReviewBatchesService,
    private readonly roll: BeneficiariesService,
    @InjectMetric(JOB_DURATION_METRIC) durations: Histogram<string>,
  ) {
    this.worker = createQueueWorker(QueueName.REVIEWS, this.handlers, { config, concurrency: 4, durations });
  }

  async onApplicationBootstrap(): Promise<void> {
    runWorker(this.worker, this.logger);
    void this.ensureSchedule();
    try {
      const stopped = await this.roll.sweepGradualExits();
      if (stopped > 0) this.logger.log(`start-up sweep stopped ${stopped} gradual exit(s) past their end`);
    } catch (error) {
      this.logger.warn(`gradual-exit sweep at start: ${messageOf(error)}`);
    }
    // A Redis wipe also deletes the job schedulers: put them back whenever they are missing.
    this.watchdog = setInterval(() => void this.ensureSchedule(), 60_000);
    this.watchdog.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.watchdog);
    await this.worker.close();
  }

  private async ensureSchedule(): Promise<void> {
    try {
      const schedule = await this.queue.getJobScheduler(REVIEW_SCHEDULER_ID);
      if (!schedule || schedule.pattern !== this.config.reviews.schedule)
        await this.queue.upsertJobScheduler(
          REVIEW_SCHEDULER_ID,
          { pattern: this.config.reviews.schedule, tz: 'Asia/Shanghai' },
          { name: 'review.schedule', data: {}, opts: DEFAULT_JOB_OPTIONS },
        );
      if (!(await this.queue.getJobScheduler(REVIEW_SWEEP_SCHEDULER_ID)))
        await this.queue.upsertJobScheduler(
          REVIEW_SWEEP_SCHEDULER_ID,
          { every: Math.max(1, this.config.reviews.sweepSeconds) * 1000 },
          { name: 'gradual-exit.sweep', data: {}, opts: DEFAULT_JOB_OPTIONS },
        );
    } catch (error) {
      this.logger.warn(`review schedules not checked: ${messageOf(error)}`);
    }
  }

  /** Re-checks a running batch until it is complete (the sweep is the safety net). */
  private async checkBatch(job: Job<{ batchId: string }>): Promise<unknown> {
    const state = await this.batches.check(requireUuid(job.data?.batchId, 'batchId'));
    if (state === 'RUNNING') {
      await job.moveToDelayed(Date.now() + BATCH_CHECK_EVERY_MS, job.token);
      throw new DelayedError();
    }
    return state;
  }

  /** The delayed job at the end of a gradual exit; early (clocks differ) → wait for the real end. */
  private async endExit(job: Job<{ beneficiaryId: string }>): Promise<unknown> {
    const outcome = await this.roll.endGradualExit(
      requireUuid(job.data?.beneficiaryId, 'beneficiaryId'),
      'timer',
    );
    if (outcome === 'NOT_DUE') {
      await job.moveToDelayed(Date.now() + 3_600_000, job.token);
      throw new DelayedError();
    }
    return outcome;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
