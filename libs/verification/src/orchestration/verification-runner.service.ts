import { Injectable, Logger } from '@nestjs/common';
import {
  ApplicationRepository,
  CheckStatus,
  VerificationRunStatus,
  type ApplicationMember,
  type VerificationCheck,
} from '@app/applications';
import { canonicalJson, isRealDate, sha256Hex, todayInChina } from '@app/common';
import { SOURCE_CODES, type SourceCode } from '@app/eligibility';
import { PiiCipher } from '@app/privacy';
import { VerificationRepository } from '../persistence/verification.repository';
import { SourceCallError, SourceGateway } from '../sources/source-gateway';
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
    private readonly cipher: PiiCipher,
    private readonly gateway: SourceGateway,
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
   * `verification.check`: one call to one source for every pending check of the run. Answers are written once per
   * run + source + member. A failure counts an attempt on each check; it is thrown again (the queue retries with
   * backoff) unless it cannot be retried or this was the last attempt — then the checks are FAILED and the run goes
   * on without them.
   */
  async check(attempt: CheckAttempt): Promise<CheckOutcome> {
    const { runId, source } = attempt;
    if (!isSource(source)) throw new UnknownRunError(`Unknown source ${source}`);
    const state = await this.repository.pendingChecks(runId, source);
    if (!state) throw new UnknownRunError(`No verification run ${runId}`);
    if (state.runStatus !== VerificationRunStatus.RUNNING) {
      if (state.pending.length > 0) await this.repository.cancelPendingChecks(runId, new Date());
      return 'RUN_NOT_RUNNING';
    }
    const pending = state.pending;
    if (pending.length === 0) return 'NOTHING_PENDING';

    const persons = pending.map((p) => ({
      memberId: p.memberId,
      idNumber: this.cipher.decrypt(p.idNumberEnc),
    }));
    try {
      const answers = await this.gateway.query(source, persons);
      await this.repository.recordAnswers(
        runId,
        source,
        answers.map((a) => ({
          memberId: a.memberId,
          outcome: a.outcome,
          facts: a.fact,
          response: a.raw ?? null,
          responseSha256: sha256Hex(canonicalJson(a.raw ?? null)),
        })),
        new Date(),
      );
      return 'ANSWERED';
    } catch (error) {
      if (!(error instanceof SourceCallError)) throw error;
      const final = !error.retryable || attempt.attemptsMade + 1 >= attempt.maxAttempts;
      await this.repository.recordFailure(
        runId,
        source,
        pending.map((p) => p.memberId),
        error.message,
        final,
        new Date(),
      );
      if (!final) throw error;
      this.logger.warn(
        `run ${runId}: ${source} checks FAILED after ${attempt.attemptsMade + 1} attempt(s): ${error.message}`,
      );
      return 'FAILED';
    }
  }
}

function isSource(value: string): value is SourceCode {
  return (SOURCE_CODES as readonly string[]).includes(value);
}
