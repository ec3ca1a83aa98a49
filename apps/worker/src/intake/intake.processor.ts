import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { ApplicationIntakeService } from '@app/applications';
import { LifeEventIntakeService } from '@app/beneficiaries';
import {
  assertHandlesEveryJob,
  dispatchJob,
  KEEP_COMPLETED_JOBS,
  KEEP_FAILED_JOBS,
  QueueName,
  type JobHandlers,
} from '@app/queue';

/** Jobs of one worker process handled at once; each is a few short transactions on PostgreSQL. */
const INTAKE_CONCURRENCY = 8;

/** `hev-intake` (SPEC 7.1): integrators' `application.submit` jobs. */
@Processor(QueueName.INTAKE, {
  concurrency: INTAKE_CONCURRENCY,
  // Producers choose their jobs' retention; these apply when they did not.
  removeOnComplete: KEEP_COMPLETED_JOBS,
  removeOnFail: KEEP_FAILED_JOBS,
})
export class IntakeProcessor extends WorkerHost {
  private readonly handlers: JobHandlers<typeof QueueName.INTAKE> = {
    'application.submit': (job) => this.intake.submit(job),
    'life-event.report': (job) => this.lifeEvents.report(job),
  };

  constructor(
    private readonly intake: ApplicationIntakeService,
    private readonly lifeEvents: LifeEventIntakeService,
  ) {
    super();
    assertHandlesEveryJob(QueueName.INTAKE, this.handlers);
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(QueueName.INTAKE, this.handlers, job, (unknown) =>
      this.intake.discardUnknown(unknown),
    );
  }
}
