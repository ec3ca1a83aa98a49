import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VerificationRunStatus } from '@app/applications';
import { appConfig, type AppConfigType } from '@app/config';
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
  ) {}

  /** Re-enqueues stale runs without live jobs; returns how many. */
  async reconcile(): Promise<number> {
    let total = 0;
    for (;;) {
      const candidates = await this.dataSource.query<{ id: string; pass: number; too_old: boolean }[]>(
        `SELECT id, pass, coalesce(pass_started_at, started_at) < now() - make_interval(secs => $4) AS too_old
           FROM verification_runs
          WHERE status = $1 AND coalesce(reconciled_at, started_at) < now() - make_interval(secs => $2)
          ORDER BY started_at LIMIT $3`,
        [
          VerificationRunStatus.RUNNING,
          this.config.reconcileAfterSeconds,
          RECONCILE_BATCH,
          this.config.runMaxAgeSeconds,
        ],
      );
      if (candidates.length === 0) break;
      // RUN_MAX_AGE (SPEC 10): a run this old is restarted even when its jobs look alive (they may hang).
      const live = await Promise.all(
        candidates.map(async (c) => !c.too_old && (await this.queues.hasLiveJobs(c.id, c.pass))),
      );
      // Each row moves on only from the pass read here: of two reconcilers, one wins each run.
      const [claimed] = await this.dataSource.query<[{ id: string; pass: number }[], number]>(
        `UPDATE verification_runs r
            SET reconciled_at = now(), pass = CASE WHEN u.live THEN r.pass ELSE r.pass + 1 END,
                pass_started_at = CASE WHEN u.live THEN r.pass_started_at ELSE now() END
           FROM unnest($1::uuid[], $2::int[], $3::boolean[]) AS u(id, pass, live)
          WHERE r.id = u.id AND r.pass = u.pass AND r.status = $4
         RETURNING r.id, r.pass, u.live`,
        [candidates.map((c) => c.id), candidates.map((c) => c.pass), live, VerificationRunStatus.RUNNING],
      );
      const restart = (claimed as { id: string; pass: number; live: boolean }[]).filter((r) => !r.live);
      const tooOld = candidates.filter((c) => c.too_old).map((c) => c.id);
      if (tooOld.length > 0) {
        // The abandoned pass's claims are released at once, so the new pass can send its checks.
        await this.dataSource.query(
          `UPDATE verification_checks SET claimed_until = NULL
            WHERE run_id = ANY($1::uuid[]) AND status = 'PENDING' AND claimed_until IS NOT NULL`,
          [tooOld],
        );
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
