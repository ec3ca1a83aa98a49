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
    const run = await this.repository.findRun(runId);
    if (!run) throw new UnknownRunError(`No verification run ${runId}`);
    if (run.status !== VerificationRunStatus.RUNNING) return false;
    const members = await this.applications.findMembers(run.applicationId);
    const today = todayInChina();
    const now = new Date();
    const checks: VerificationCheck[] = members
      .filter((m) => m.counted)
      .flatMap((m) => {
        const authorised = hasValidAuthorization(m, today);
        return SOURCE_CODES.map((source) => ({
          runId,
          source,
          memberId: m.id,
          status: authorised ? CheckStatus.PENDING : CheckStatus.NOT_AUTHORIZED,
          attempts: 0,
          completedAt: authorised ? null : now,
          error: null,
        }));
      });
    await this.repository.createChecks(checks);
    await this.queues.addRunFlow(runId, run.pass);
    return true;
  }

  /**
   * `verification.check`: hands every PENDING check of the run (or of one source) to the per-source batches and waits
   * until each is final. The batches write the answers (once per run + source + member), count attempts per check
   * and fail a check after its attempts or SOURCE_MAX_WAIT, so a source failure never fails this job; a database
   * failure does, and the queue retries it.
   */
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
