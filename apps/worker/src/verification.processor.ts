import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { UnrecoverableError, type Worker } from 'bullmq';
import { appConfig, type AppConfigType } from '@app/config';
import { QueueName } from '@app/queue';
import {
  SOURCE_BACKOFF_TYPE,
  sourceBackoffDelay,
  UnknownRunError,
  VerificationCompletionService,
  VerificationRunner,
} from '@app/verification';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { type Histogram } from 'prom-client';
import {
  createQueueWorker,
  JOB_DURATION_METRIC,
  requireUuid,
  runWorker,
  type JobHandlers,
} from './queue-worker';

/** `hev-verification`: the start, check and complete jobs of every run (SPEC 5.3). Handlers are one call each. */
@Injectable()
export class VerificationProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(VerificationProcessor.name);
  private readonly worker: Worker;

  readonly handlers: JobHandlers<typeof QueueName.VERIFICATION> = {
    'verification.start': (job) => known(this.runner.startQueued(requireUuid(job.data.runId, 'runId'))),
    'verification.check': (job) =>
      known(
        this.runner.check({
          runId: requireUuid(job.data.runId, 'runId'),
          source: job.data.source,
          attemptsMade: job.attemptsMade,
          maxAttempts: job.opts.attempts ?? 1,
        }),
      ),
    'verification.complete': async (job) => {
      const completed = await this.completion.completeQueued(requireUuid(job.data.runId, 'runId'));
      return completed ? { runStatus: completed.runStatus, outcome: completed.recommendation.outcome } : null;
    },
  };

  constructor(
    @Inject(appConfig.KEY) config: AppConfigType,
    private readonly runner: VerificationRunner,
    private readonly completion: VerificationCompletionService,
    @InjectMetric(JOB_DURATION_METRIC) durations: Histogram<string>,
  ) {
    const sources = config.verification.sources;
    this.worker = createQueueWorker(QueueName.VERIFICATION, this.handlers, {
      config,
      concurrency: config.verification.concurrency,
      durations,
      settings: {
        backoffStrategy: (attemptsMade, type) =>
          type === SOURCE_BACKOFF_TYPE ? sourceBackoffDelay(attemptsMade, sources) : 1000 * 2 ** attemptsMade,
      },
    });
  }

  onApplicationBootstrap(): void {
    runWorker(this.worker, this.logger);
  }

  /** SIGTERM: stop taking jobs and let the active ones finish (their locks would otherwise hand them on). */
  async beforeApplicationShutdown(): Promise<void> {
    const closing = this.worker.close(); // stop fetching first, then let the jobs waiting for a batch end
    this.runner.releaseChecks();
    await closing;
  }
}

/** A job naming a run or source that does not exist can never succeed: fail it without retries. */
async function known<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UnknownRunError) throw new UnrecoverableError(error.message);
    throw error;
  }
}
