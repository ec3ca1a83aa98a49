import { Injectable, Logger } from '@nestjs/common';
import {
  ApplicationRepository,
  CheckStatus,
  VerificationRunStatus,
  type ApplicationMember,
  type VerificationCheck,
} from '@app/applications';
import { isRealDate, todayInChina } from '@app/common';
import { SOURCE_CODES, type SourceCode } from '@app/eligibility';
import { VerificationRepository } from '../persistence/verification.repository';
import { SourceBatches } from './source-batches';
import { ALL_SOURCES } from './verification-jobs';
import { VerificationQueues } from './verification-queues';

/** Start jobs started together at most, and how long the first waits for others. */
const START_BATCH_SIZE = 100;
const START_GATHER_MS = 10;

/** Thrown for a job whose ids name nothing: retrying cannot help (the processor makes it unrecoverable). */
export class UnknownRunError extends Error {
  override readonly name = 'UnknownRunError';
}

export interface CheckAttempt {
  runId: string;
  source: string;
  /** Failed attempts before this one (BullMQ `attemptsMade`). */
  attemptsMade: number;
  /** The job's attempt budget. */
  maxAttempts: number;
}

export type CheckOutcome = 'ANSWERED' | 'FAILED' | 'NOTHING_PENDING' | 'RUN_NOT_RUNNING';

/**
 * A valid authorisation (SPEC 5.3): recorded, and signed on a real date that is not in the future. Intake and the
 * authorisation route validate more (e.g. a guardian for a minor); this re-check guards the moment of querying.
 */
export function hasValidAuthorization(member: ApplicationMember, today: string): boolean {
  const signedAt = member.authorization?.signedAt;
  return typeof signedAt === 'string' && isRealDate(signedAt) && signedAt <= today;
}

/** The worker side of a run: creating its checks and flow, and querying one source for a run. */
@Injectable()
export class VerificationRunner {
  private readonly logger = new Logger(VerificationRunner.name);

  constructor(
    private readonly repository: VerificationRepository,
    private readonly applications: ApplicationRepository,
    private readonly batches: SourceBatches,
    private readonly queues: VerificationQueues,
  ) {}

  /**
   * `verification.start`: one check per source and counted member — PENDING for those with a valid authorisation,
   * NOT_AUTHORIZED (never sent anywhere) for the others — then the run's flow. Idempotent: existing checks stay as
   * they are, and the flow's job ids are those of the run's current pass.
   */
  async start(runId: string): Promise<boolean> {
    const started = await this.startMany([runId]);
    const outcome = started.get(runId);
    if (outcome === undefined) throw new UnknownRunError(`No verification run ${runId}`);
    return outcome;
  }

  /**
   * `start` for several runs at once (issue 12): one read of the runs, one of their members, one insert of every
   * check and one Redis round trip for every flow. Runs that do not exist are absent from the answer.
   */
  async startMany(runIds: readonly string[]): Promise<Map<string, boolean>> {
    const runs = await this.repository.findRuns(runIds);
    const outcome = new Map<string, boolean>(runs.map((r) => [r.id, false]));
    const running = runs.filter((r) => r.status === VerificationRunStatus.RUNNING);
    if (running.length === 0) return outcome;
    const members = await this.applications.findMembersOfMany([
      ...new Set(running.map((r) => r.applicationId)),
    ]);
    const today = todayInChina();
    const now = new Date();
    const checks: VerificationCheck[] = running.flatMap((run) =>
      members
        .filter((m) => m.applicationId === run.applicationId && m.counted)
        .flatMap((m) => {
          const authorised = hasValidAuthorization(m, today);
          return SOURCE_CODES.map((source) => ({
            runId: run.id,
            source,
            memberId: m.id,
            status: authorised ? CheckStatus.PENDING : CheckStatus.NOT_AUTHORIZED,
            attempts: 0,
            completedAt: authorised ? null : now,
            error: null,
          }));
        }),
    );
    await this.repository.createChecks(checks);
    await this.queues.addRunFlows(running.map((r) => ({ runId: r.id, pass: r.pass })));
    for (const run of running) outcome.set(run.id, true);
    return outcome;
  }

  private startWaiting: { runId: string; resolve: (v: boolean) => void; reject: (e: unknown) => void }[] = [];
  private startTimer: NodeJS.Timeout | undefined;

  /**
   * `verification.start` (issue 12): start jobs arriving within a few milliseconds are started together; should the
   * batch fail, each is started alone, so one failing run never takes its neighbours down.
   */
  startQueued(runId: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.startWaiting.push({ runId, resolve, reject });
      if (this.startWaiting.length >= START_BATCH_SIZE) {
        clearTimeout(this.startTimer);
        this.startTimer = undefined;
        void this.flushStarts();
      } else if (!this.startTimer)
        this.startTimer = setTimeout(() => {
          this.startTimer = undefined;
          void this.flushStarts();
        }, START_GATHER_MS);
    });
  }

  private async flushStarts(): Promise<void> {
    const batch = this.startWaiting.splice(0, START_BATCH_SIZE);
    if (batch.length === 0) return;
    try {
      const started = await this.startMany([...new Set(batch.map((w) => w.runId))]);
      for (const w of batch) {
        const outcome = started.get(w.runId);
        if (outcome === undefined) w.reject(new UnknownRunError(`No verification run ${w.runId}`));
        else w.resolve(outcome);
      }
    } catch {
      for (const w of batch) {
        try {
          w.resolve(await this.start(w.runId));
        } catch (error) {
          w.reject(error);
        }
      }
    }
    if (this.startWaiting.length > 0 && !this.startTimer) void this.flushStarts();
  }

  /**
   * `verification.check`: hands every PENDING check of the run (or of one source) to the per-source batches and waits
   * until each is final. The batches write the answers (once per run + source + member), count attempts per check
   * and fail a check after its attempts or SOURCE_MAX_WAIT, so a source failure never fails this job; a database
   * failure does, and the queue retries it.
   */
  /** Shutdown: checks waiting for a batch go back to their jobs, which end (and are retried) at once. */
  releaseChecks(): void {
    this.batches.release();
  }

  async check(attempt: CheckAttempt): Promise<CheckOutcome> {
    const { runId, source } = attempt;
    const only = source === ALL_SOURCES ? null : source;
    if (only !== null && !isSource(only)) throw new UnknownRunError(`Unknown source ${source}`);
    const state = await this.repository.pendingOfRun(runId, only);
    if (!state) throw new UnknownRunError(`No verification run ${runId}`);
    if (state.runStatus !== VerificationRunStatus.RUNNING) {
      if (state.pending.length > 0) await this.repository.cancelPendingChecks(runId, new Date());
      return 'RUN_NOT_RUNNING';
    }
    if (state.pending.length === 0) return 'NOTHING_PENDING';
    const outcomes = await Promise.all(
      state.pending.map((p) =>
        this.batches.submit(p.source as SourceCode, { runId, memberId: p.memberId }, state.startedAt),
      ),
    );
    if (outcomes.includes('RELEASED')) {
      // The worker is shutting down with checks still pending: fail this attempt so the queue hands the job on.
      throw new Error(`run ${runId}: checks released at shutdown`);
    }
    if (outcomes.includes('FAILED')) {
      this.logger.warn(`run ${runId}: some checks FAILED (see the run's checks)`);
      return 'FAILED';
    }
    return 'ANSWERED';
  }
}

function isSource(value: string): value is SourceCode {
  return (SOURCE_CODES as readonly string[]).includes(value);
}
