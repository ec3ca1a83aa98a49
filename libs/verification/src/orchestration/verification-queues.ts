import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { FlowProducer, Queue } from 'bullmq';
import { appConfig, type AppConfigType } from '@app/config';
import { DEFAULT_JOB_OPTIONS, producerConnection, QueueName, type JobData, type JobName } from '@app/queue';
import {
  ALL_SOURCES,
  checkJobId,
  checkJobOptions,
  COMPLETE_JOB_OPTIONS,
  completeJobId,
  startJobId,
} from './verification-jobs';

type VerificationQueue = Queue<
  JobData<typeof QueueName.VERIFICATION, JobName<typeof QueueName.VERIFICATION>>,
  unknown,
  JobName<typeof QueueName.VERIFICATION>
>;

const LIVE = new Set<string>(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/** Where the pipeline adds its own jobs: the per-run flow and the reconciler's re-starts. Ids only in payloads. */
@Injectable()
export class VerificationQueues implements OnApplicationShutdown {
  private readonly logger = new Logger(VerificationQueues.name);
  private readonly flows: FlowProducer;
  private readonly verification: VerificationQueue;

  constructor(@Inject(appConfig.KEY) private readonly config: AppConfigType) {
    const connection = producerConnection(config.redisUrl);
    this.flows = new FlowProducer({ connection, prefix: config.queuePrefix });
    this.verification = new Queue(QueueName.VERIFICATION, {
      connection,
      prefix: config.queuePrefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    // Without listeners an 'error' (Redis away) would crash the process; the calling job fails and is retried.
    this.flows.on('error', (error) => this.logger.warn(`flow producer: ${error.message}`));
    this.verification.on('error', (error) => this.logger.warn(`verification queue: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.flows.close(), this.verification.close()]);
  }

  /**
   * SPEC 5.3 / issue 12: one child that hands every pending check of the run to the per-source batches (which gather
   * checks of many runs into each department call) and waits for them, and a parent that completes the run once the
   * child is done. Deterministic ids make a repeated add of the same pass a no-op.
   */
  async addRunFlow(runId: string, pass: number): Promise<void> {
    await this.addRunFlows([{ runId, pass }]);
  }

  /** `addRunFlow` for several runs in one Redis round trip. */
  async addRunFlows(runs: readonly { runId: string; pass: number }[]): Promise<void> {
    if (runs.length === 0) return;
    const checkOptions = checkJobOptions(this.config.verification.sources);
    await this.flows.addBulk(
      runs.map(({ runId, pass }) => ({
        name: 'verification.complete',
        queueName: QueueName.VERIFICATION,
        data: { runId },
        opts: { ...COMPLETE_JOB_OPTIONS, jobId: completeJobId(runId, pass) },
        children: [
          {
            name: 'verification.check',
            queueName: QueueName.VERIFICATION,
            data: { runId, source: ALL_SOURCES },
            opts: { ...checkOptions, jobId: checkJobId(runId, ALL_SOURCES, pass) },
          },
        ],
      })),
    );
  }

  /**
   * Whether the run's current pass still has live jobs: its flow's parent waiting for its children (which never
   * fail it: `ignoreDependencyOnFailure`) or queued or running, or — before the flow exists — its start job. False
   * when the jobs are gone (a Redis wipe), failed, or finished without finishing the run. A dead worker's active
   * jobs count as live: BullMQ's stalled-job check hands them to another worker.
   */
  async hasLiveJobs(runId: string, pass: number): Promise<boolean> {
    const parent = await this.verification.getJobState(completeJobId(runId, pass));
    if (parent !== 'unknown') return LIVE.has(parent);
    return LIVE.has(await this.verification.getJobState(startJobId(runId, pass)));
  }

  /** Re-starts runs (the reconciler): each with its new pass, so no id of an earlier flow is reused. */
  async restartRuns(runs: readonly { runId: string; pass: number }[]): Promise<void> {
    if (runs.length === 0) return;
    await this.verification.addBulk(
      runs.map(({ runId, pass }) => ({
        name: 'verification.start' as const,
        data: { runId },
        opts: { jobId: startJobId(runId, pass) },
      })),
    );
  }
}
