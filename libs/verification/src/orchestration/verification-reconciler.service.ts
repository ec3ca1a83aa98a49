import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appConfig, type AppConfigType } from '@app/config';
import { VerificationRepository } from '../persistence/verification.repository';
import { VerificationQueues } from './verification-queues';

/** Runs re-enqueued per round; a larger backlog is taken over the next rounds. */
const RECONCILE_BATCH = 500;
/** Source call statistics are kept this long (the report covers the last hour). */
const SOURCE_CALL_RETENTION_HOURS = 3;
/** Circuit states of workers silent this long are deleted. */
const CIRCUIT_STATE_RETENTION_HOURS = 24;

/** How often the reconcile job runs: half of RECONCILE_AFTER, between 1 s and 1 min. */
export function reconcileEveryMs(reconcileAfterSeconds: number): number {
  return Math.min(60_000, Math.max(1_000, Math.floor((reconcileAfterSeconds * 1000) / 2)));
}

/**
 * SPEC 5.3: a run still RUNNING longer than RECONCILE_AFTER (since it started, or since it was last looked at) whose
 * jobs are gone — lost, failed, or wiped with Redis — is re-enqueued as a new pass: a fresh start job, hence a fresh
 * flow with new job ids, so no application is ever stranded. A run whose jobs are merely queued behind a backlog is
 * left alone (and looked at again after another RECONCILE_AFTER). Every step of a run is idempotent, so a re-run
 * costs calls, never correctness; several workers may reconcile at once.
 */
@Injectable()
export class VerificationReconciler {
  private readonly logger = new Logger(VerificationReconciler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly config: AppConfigType,
    private readonly queues: VerificationQueues,
    private readonly repository: VerificationRepository,
  ) {}

  /** Re-enqueues stale runs without live jobs; returns how many. */
  async reconcile(): Promise<number> {
    let total = 0;
    for (;;) {
      const candidates = await this.repository.staleRuns(
        this.config.reconcileAfterSeconds,
        this.config.runMaxAgeSeconds,
        RECONCILE_BATCH,
      );
      if (candidates.length === 0) break;
      // RUN_MAX_AGE (SPEC 10): a run this old is restarted even when its jobs look alive (they may hang).
      const live = await Promise.all(
        candidates.map(async (c) => !c.tooOld && (await this.queues.hasLiveJobs(c.id, c.pass))),
      );
      // Each row moves on only from the pass read here: of two reconcilers, one wins each run.
      const claimed = await this.repository.claimStale(
        candidates.map((c, i) => ({ id: c.id, pass: c.pass, live: live[i] ?? false })),
      );
      const restart = claimed.filter((r) => !r.live);
      const tooOld = candidates.filter((c) => c.tooOld).map((c) => c.id);
      if (tooOld.length > 0) {
        // The abandoned pass's claims are released at once, so the new pass can send its checks.
        await this.repository.releaseClaims(tooOld);
        this.logger.warn(`restarting ${tooOld.length} verification run(s) older than RUN_MAX_AGE`);
      }
      await this.queues.restartRuns(restart.map((r) => ({ runId: r.id, pass: r.pass })));
      total += restart.length;
      if (candidates.length < RECONCILE_BATCH) break;
    }
    if (total > 0)
      this.logger.warn(`re-enqueued ${total} verification run(s) unfinished after RECONCILE_AFTER`);
    await this.pruneStatistics();
    return total;
  }

  private async pruneStatistics(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM source_calls WHERE started_at < now() - make_interval(hours => $1)`,
      [SOURCE_CALL_RETENTION_HOURS],
    );
    await this.dataSource.query(
      `DELETE FROM source_circuit_states WHERE reported_at < now() - make_interval(hours => $1)`,
      [CIRCUIT_STATE_RETENTION_HOURS],
    );
  }
}
