import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CheckStatus, VerificationRunStatus } from '@app/applications';
import { runInTransaction, type Tx } from '@app/database';
import { PolicyService } from '@app/policy';
import {
  buildReport,
  ExternalRunOwners,
  toVerifiedFacts,
  VerificationRepository,
  type ExternalRunOwner,
} from '@app/verification';
import { ReviewRunOwner } from './review-run-owner';

/**
 * The end of a review's verification run, for a pipeline that completes application runs only: the same report and
 * recommendation as for an application (SPEC 5.4, 6.4), computed for the review's subject (ages and policy on the
 * review's creation date), then handed to the review as its run owner — all in the caller's transaction.
 */
@Injectable()
export class ReviewRunCompleter implements ExternalRunOwner, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: VerificationRepository,
    private readonly policy: PolicyService,
    private readonly owner: ReviewRunOwner,
    private readonly registry: ExternalRunOwners,
  ) {}

  /** Until the pipeline completes runs of any owner, review runs are handed over here by its completion. */
  onModuleInit(): void {
    this.registry.register(this);
  }

  /** True when the run belongs to a review (so the application side must leave it alone). */
  async owns(runId: string, tx: Tx): Promise<boolean> {
    return (await this.owner.reviewOfRun(runId, tx)) !== null;
  }

  completeRun(runId: string): Promise<boolean> {
    return runInTransaction(this.dataSource, (tx) => this.complete(tx, runId));
  }

  /**
   * Completes a review's run whose checks are all final; false, changing nothing, when the run is not a review's,
   * not RUNNING, or still has pending checks. A review that moved on (revoked authorisation, withdrawal) gets its run
   * cancelled instead.
   */
  async complete(tx: Tx, runId: string): Promise<boolean> {
    const reviewId = await this.owner.reviewOfRun(runId, tx);
    if (!reviewId) return false;
    const run = await this.repository.lockRun(tx, runId);
    if (!run || run.status !== VerificationRunStatus.RUNNING) return false;
    const checks = await this.repository.checksOf(runId, tx);
    if (checks.some((c) => c.status === CheckStatus.PENDING)) return false;
    const now = new Date();
    const subject = await this.owner.lockForCompletion(tx, reviewId, runId);
    if (!subject) {
      await this.repository.finishRun(tx, runId, VerificationRunStatus.CANCELLED, now);
      return false;
    }
    const results = await this.repository.resultsOf(runId, tx);
    const params = await this.policy.effectiveFor(subject.policyAreaCode, subject.policyOn, tx);
    const facts = toVerifiedFacts(checks, results);
    const built = buildReport({
      runId,
      applicationId: subject.applicationId,
      number: subject.number,
      generatedAt: now,
      household: subject.household,
      facts,
      params,
      checks,
    });
    const runStatus =
      built.runStatus === 'COMPLETE' ? VerificationRunStatus.COMPLETE : VerificationRunStatus.INCOMPLETE;
    await this.repository.insertReport(tx, {
      runId,
      applicationId: subject.applicationId,
      runStatus,
      report: built.report,
      recommendation: built.recommendation,
      policyVersion: params.version,
      createdAt: now,
    });
    await this.repository.finishRun(tx, runId, runStatus, now);
    await this.owner.completed(tx, reviewId, {
      runId,
      runStatus: built.runStatus,
      report: built.report,
      recommendation: built.recommendation,
      household: subject.household,
      facts,
      params,
      results,
      checks,
    });
    return true;
  }
}
