import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApplicationRepository, type Application, type ApplicationMember } from '@app/applications';
import { countyOf } from '@app/areas';
import type { Tx } from '@app/database';
import type { HouseholdInput } from '@app/eligibility';
import {
  RunOwnerRegistry,
  toHouseholdInput,
  type VerificationReportBody,
  type CompletedRunOutcome,
  type VerificationRunOwner,
} from '@app/verification';
import { BeneficiaryRepository } from './beneficiary.repository';
import { SYSTEM } from './beneficiary-records';
import { ReviewResult, ReviewStatus, type BeneficiaryRow } from './beneficiary.types';
import { Clock } from './clock';
import { deltaReport, hasNewEmploymentIncome, type DeltaMember } from './delta-report';
import { ReviewRepository } from './review.repository';
import { ageAt, closesAutomatically, proposeChange } from './review-rules';
import { ReviewsService } from './reviews.service';

/** What a review's verification run is about (the run owner's subject, SPEC 5.3/11.2). */
export interface ReviewRunSubject {
  household: HouseholdInput;
  /** Where the policy is looked up (the township) and on which date (the review's creation date, SPEC 11.2). */
  policyAreaCode: string;
  policyOn: string;
  number: string;
  /** The audit chain (county). */
  chain: string;
  applicationId: string;
}

/** A finished run of a review, as the pipeline hands it over inside its completion transaction. */
export type ReviewRunOutcome = CompletedRunOutcome;

/**
 * Reviews as the owner of verification runs ('REVIEW'), registered with the pipeline's RunOwnerRegistry: the
 * pipeline locks the review for completion, builds the report, recommendation and signed decision record (SPEC 6.5)
 * for the subject handed back, and calls `completed` in the same transaction. Here the review gets its proposal and
 * delta report (SPEC 11.2), and an unchanged ELIGIBLE result closes by itself.
 */
@Injectable()
export class ReviewRunOwner implements VerificationRunOwner, OnModuleInit {
  readonly kind = 'REVIEW' as const;

  constructor(
    private readonly reviews: ReviewRepository,
    private readonly beneficiaries: BeneficiaryRepository,
    private readonly applications: ApplicationRepository,
    private readonly service: ReviewsService,
    private readonly clock: Clock,
    private readonly registry: RunOwnerRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /** The review whose current run this is, or null. */
  async reviewOfRun(runId: string, tx?: Tx): Promise<string | null> {
    return (await this.reviews.findByRun(runId, tx))?.id ?? null;
  }

  /** Locks the review; null (the run is cancelled) unless it is VERIFYING with this run. */
  async lockForCompletion(tx: Tx, reviewId: string, runId: string): Promise<ReviewRunSubject | null> {
    const review = await this.reviews.lock(tx, reviewId);
    if (!review || review.status !== ReviewStatus.VERIFYING || review.currentRunId !== runId) return null;
    const app = await this.applications.findById(review.applicationId, tx);
    if (!app) return null;
    const members = await this.applications.findMembers(app.id, tx);
    return {
      household: this.householdOn(app, members, review.policyOn),
      policyAreaCode: review.townshipCode,
      policyOn: review.policyOn,
      number: app.number,
      chain: countyOf(review.townshipCode) ?? review.countyCode,
      applicationId: app.id,
    };
  }

  /** The household as of the review: ages on the review's creation date, the policy of that date (SPEC 11.2). */
  householdOn(app: Application, members: readonly ApplicationMember[], on: string): HouseholdInput {
    return toHouseholdInput(
      { ...app, createdOn: on },
      members.map((m) => ({ ...m, age: ageAt(m.birthDate, on) })),
    );
  }

  /**
   * In the completion transaction (the pipeline has written the report and the decision record): the proposal and
   * delta report, VERIFYING → VERIFIED; an ELIGIBLE result without material change closes as UNCHANGED (the township's 核查 by the system).
   */
  async completed(tx: Tx, reviewId: string, outcome: ReviewRunOutcome): Promise<void> {
    const review = await this.reviews.lock(tx, reviewId);
    if (!review || review.status !== ReviewStatus.VERIFYING) return;
    const b = await this.beneficiaries.lock(tx, review.beneficiaryId);
    if (!b) return;
    const now = this.clock.now();
    const members = await this.applications.findMembers(review.applicationId, tx);

    const previous = await this.acceptedFigures(tx, b);
    const current = outcome.report.members as unknown as DeltaMember[];
    const employment = new Map(members.map((m) => [m.id, m.employment as string]));
    const proposal = proposeChange({
      outcome: outcome.recommendation.outcome,
      rules: outcome.recommendation.rules,
      currentFen: b.monthlyBenefitFen,
      newFen: outcome.recommendation.monthlyBenefitFen,
      thresholdFen: outcome.params.reviewAdjustmentThresholdFen,
      gradualExitMonths: outcome.params.gradualExitMonths,
      newEmploymentIncome: hasNewEmploymentIncome(previous.members, current, (id) => employment.get(id)),
      missingSources: outcome.report.missingSources,
    });
    const delta = deltaReport(
      previous.members,
      current,
      previous.answers,
      new Map(outcome.results.map((r) => [`${r.source}:${r.memberId}`, r.responseSha256])),
    );
    const verified = await this.reviews.update(tx, review.id, {
      status: ReviewStatus.VERIFIED,
      recommendation: outcome.recommendation,
      proposal,
      delta,
    });
    await this.service.reviewAudit(tx, SYSTEM, verified, 'review.verified', {
      from: review.status,
      to: verified.status,
      runId: outcome.runId,
      runStatus: outcome.runStatus,
      outcome: outcome.recommendation.outcome,
      change: proposal.change,
      fromFen: proposal.fromFen,
      toFen: proposal.toFen,
    });
    if (!closesAutomatically(outcome.recommendation.outcome, proposal)) return;

    // SPEC 11.2: recorded as the township's 核查 by the system user.
    const closed = await this.reviews.update(tx, review.id, {
      status: ReviewStatus.CLOSED,
      result: ReviewResult.UNCHANGED,
      closedAt: now,
      townshipReview: {
        opinion: 'AGREE',
        comment: 'automatic: eligible, no material change (Art. 31)',
        investigation: null,
        reviewedBy: 'system',
        reviewedByUsername: 'system',
        reviewedAt: now.toISOString(),
      },
    });
    await this.service.reviewAudit(tx, SYSTEM, closed, 'review.closed', {
      from: verified.status,
      to: closed.status,
      result: ReviewResult.UNCHANGED,
      automatic: true,
    });
    await this.service.applyResult(tx, b, closed, {
      result: ReviewResult.UNCHANGED,
      change: 'CONTINUE',
      toFen: b.monthlyBenefitFen,
      reason: null,
      reviewCategory: null,
      actor: SYSTEM,
      now,
    });
  }

  /** The last accepted figures: the report of the run the roll last accepted, and its answers' hashes. */
  private async acceptedFigures(
    tx: Tx,
    b: BeneficiaryRow,
  ): Promise<{ members: DeltaMember[]; answers: Map<string, string> }> {
    if (!b.acceptedRunId) return { members: [], answers: new Map() };
    const reports = await tx.query<{ report: VerificationReportBody }[]>(
      `SELECT report FROM verification_reports WHERE run_id = $1`,
      [b.acceptedRunId],
    );
    const hashes = await tx.query<{ key: string; sha: string }[]>(
      `SELECT source || ':' || member_id AS key, response_sha256 AS sha FROM verification_results WHERE run_id = $1`,
      [b.acceptedRunId],
    );
    return {
      members: (reports[0]?.report.members ?? []) as unknown as DeltaMember[],
      answers: new Map(hashes.map((h) => [h.key, h.sha])),
    };
  }
}
