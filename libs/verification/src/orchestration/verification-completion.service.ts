import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ApplicationRepository,
  ApplicationStatus,
  CheckStatus,
  nextStatus,
  Transition,
  VerificationRunStatus,
  type Application,
} from '@app/applications';
import { AuditService, type AuditActor } from '@app/audit';
import { runInTransaction, type Tx } from '@app/database';
import { DecisionRecordsService } from '@app/decisions';
import {
  type HouseholdInput,
  type Recommendation,
  type SourceCode,
  type VerifiedFacts,
} from '@app/eligibility';
import { EventType, OutboxService } from '@app/events';
import { PolicyService, type EffectivePolicy } from '@app/policy';
import { type VerificationResult } from '../persistence/verification-result.entity';
import { ExternalRunOwners } from './external-run-owners';
import { VerificationRepository } from '../persistence/verification.repository';
import { toHouseholdInput, toVerifiedFacts } from '../report/engine-input';
import { buildReport } from '../report/report-builder';
import { type VerificationReportBody } from '../report/verification-report.types';

/** The platform itself, as the actor of what the worker does. */
export const SYSTEM_ACTOR: AuditActor = { userId: null, username: 'system', role: null, areaCode: null };

/** What `complete` wrote, with the exact engine inputs (for the decision record of SPEC 6.5). */
export interface CompletedRun {
  runId: string;
  application: Application;
  runStatus: VerificationRunStatus.COMPLETE | VerificationRunStatus.INCOMPLETE;
  report: VerificationReportBody;
  recommendation: Recommendation;
  household: HouseholdInput;
  facts: VerifiedFacts;
  /** The effective policy the rules ran with (`version` = policy_parameter_versions id). */
  params: EffectivePolicy;
  /** Every source answer of the run, each with its response SHA-256. */
  results: VerificationResult[];
}

/** The end of a run (SPEC 5.3 parent job): report, recommendation and the move to VERIFIED, in one transaction. */
@Injectable()
export class VerificationCompletionService {
  private readonly logger = new Logger(VerificationCompletionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: VerificationRepository,
    private readonly applications: ApplicationRepository,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly decisionRecords: DecisionRecordsService,
    private readonly externalOwners: ExternalRunOwners,
  ) {}

  /** `verification.complete`: `complete` in a transaction of its own. */
  completeRun(runId: string): Promise<CompletedRun | null> {
    return runInTransaction(this.dataSource, (tx) => this.complete(tx, runId));
  }

  /**
   * Completes a run whose checks are all final, inside `tx`: the report (SPEC 5.4) and recommendation (SPEC 6.4)
   * rows, the run COMPLETE or INCOMPLETE, the application VERIFYING → VERIFIED (optimistic version) with its
   * recommendation summary, the audit entry and the `verification.completed` event. Returns null, changing nothing,
   * when the run is not RUNNING (already completed by a duplicate job, or cancelled) or still has pending checks.
   * The signed decision record of SPEC 6.5 is written in the same transaction.
   */
  async complete(tx: Tx, runId: string): Promise<CompletedRun | null> {
    const run = await this.repository.lockRun(tx, runId);
    if (!run || run.status !== VerificationRunStatus.RUNNING) return null;
    const checks = await this.repository.checksOf(runId, tx);
    if (checks.some((c) => c.status === CheckStatus.PENDING)) {
      this.logger.warn(`run ${runId} has pending checks at completion; the reconciler will run it again`);
      return null;
    }
    const app = await this.applications.findById(run.applicationId, tx);
    const now = new Date();
    if (!app || app.status !== ApplicationStatus.VERIFYING || app.currentRunId !== runId) {
      // A run of another owner (a beneficiary review, SPEC 11.2) is completed by that owner.
      const owner = await this.externalOwners.ownerOf(runId, tx);
      if (owner) {
        await owner.complete(tx, runId);
        return null;
      }
      // The application moved on without cancelling this run (should not happen): close it, touch nothing else.
      await this.repository.finishRun(tx, runId, VerificationRunStatus.CANCELLED, now);
      await tx.query(
        `UPDATE verification_checks SET status = $2, completed_at = $3 WHERE run_id = $1 AND status = 'PENDING'`,
        [runId, CheckStatus.CANCELLED, now],
      );
      return null;
    }

    const members = await this.applications.findMembers(app.id, tx);
    const results = await this.repository.resultsOf(runId, tx);
    const params = await this.policy.effectiveFor(app.townshipCode, app.createdOn, tx);
    const household = toHouseholdInput(app, members);
    const facts = toVerifiedFacts(checks, results);
    const built = buildReport({
      runId,
      applicationId: app.id,
      number: app.number,
      generatedAt: now,
      household,
      facts,
      params,
      checks,
    });
    const runStatus =
      built.runStatus === 'COMPLETE' ? VerificationRunStatus.COMPLETE : VerificationRunStatus.INCOMPLETE;

    await this.repository.insertReport(tx, {
      runId,
      applicationId: app.id,
      runStatus,
      report: built.report,
      recommendation: built.recommendation,
      policyVersion: params.version,
      createdAt: now,
    });
    await this.repository.finishRun(tx, runId, runStatus, now);
    // SPEC 6.5: every check of the run with what its source answered (nothing for FAILED or NOT_AUTHORIZED).
    const answers = new Map(results.map((r) => [`${r.source}:${r.memberId}`, r.response]));
    await this.decisionRecords.recordRecommendation(tx, {
      applicationId: app.id,
      applicationNumber: app.number,
      runId,
      household,
      facts,
      sources: checks.map((c) => ({
        source: c.source as SourceCode,
        memberId: c.memberId,
        status: c.status,
        response: answers.get(`${c.source}:${c.memberId}`) ?? null,
      })),
      policy: params,
      recommendation: built.recommendation,
      recordedAt: now,
    });
    const next = await this.applications.transition(
      tx,
      app,
      {
        status: nextStatus(app.status, Transition.VERIFICATION_FINISHED)!,
        recommendationOutcome: built.recommendation.outcome,
        recommendationBenefitFen: built.recommendation.monthlyBenefitFen,
      },
      now,
    );
    const summary = {
      runId,
      runStatus,
      outcome: built.recommendation.outcome,
      monthlyBenefitFen: built.recommendation.monthlyBenefitFen,
      missingSources: built.report.missingSources,
    };
    await this.audit.append(tx, {
      action: 'verification.completed',
      actor: SYSTEM_ACTOR,
      areaCode: app.townshipCode,
      applicationId: app.id,
      detail: { number: app.number, from: app.status, to: next.status, ...summary },
    });
    await this.outbox.addEvent(tx, {
      type: EventType.VERIFICATION_COMPLETED,
      subject: app.id,
      areaCode: app.townshipCode,
      data: {
        applicationId: app.id,
        number: app.number,
        programme: app.programme,
        status: next.status,
        townshipCode: app.townshipCode,
        countyCode: app.countyCode,
        ...summary,
      },
    });
    return {
      runId,
      application: next,
      runStatus,
      report: built.report,
      recommendation: built.recommendation,
      household,
      facts,
      params,
      results,
    };
  }
}
