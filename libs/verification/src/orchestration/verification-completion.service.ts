import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  ApplicationRepository,
  VerificationCheck,
  VerificationRun,
  type ApplicationMember,
  ApplicationStatus,
  CheckStatus,
  nextStatus,
  Transition,
  VerificationRunStatus,
  type Application,
} from '@app/applications';
import { AuditService, type AuditActor } from '@app/audit';
import { appConfig, type AppConfigType } from '@app/config';
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
import { VerificationResult } from '../persistence/verification-result.entity';
import { VerificationRepository } from '../persistence/verification.repository';
import { toHouseholdInput, toVerifiedFacts } from '../report/engine-input';
import { buildReport } from '../report/report-builder';
import { RunOwnerRegistry, UnknownRunOwnerError } from './run-owner';
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

/** Runs completed in one transaction at most (issue 12: completions are processed in batches). */
export const COMPLETION_BATCH_SIZE = 50;

/** What a batch already read for one run, so completing it needs no read of its own. */
interface Prefetched {
  run: VerificationRun | null;
  checks: VerificationCheck[];
  app: Application | null;
  members: ApplicationMember[];
  results: VerificationResult[];
  policies: Map<string, Promise<EffectivePolicy>>;
}

interface Waiting {
  runId: string;
  resolve: (value: CompletedRun | null) => void;
  reject: (error: unknown) => void;
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
    @Inject(appConfig.KEY) config: AppConfigType,
    private readonly owners: RunOwnerRegistry,
  ) {
    this.gatherMs = Math.min(20, config.verification.sources.batchWaitMs);
  }

  private readonly gatherMs: number;
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;

  /** `complete` in a transaction of its own. */
  completeRun(runId: string): Promise<CompletedRun | null> {
    return runInTransaction(this.dataSource, (tx) => this.complete(tx, runId));
  }

  /**
   * `verification.complete` (issue 12): the run joins the completions gathered over a few milliseconds (at most
   * COMPLETION_BATCH_SIZE), which are completed together in one transaction with one read per table. Should that
   * transaction fail, each run of the batch is completed alone, so one failing run never takes its neighbours down.
   */
  completeQueued(runId: string): Promise<CompletedRun | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ runId, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.inFlight >= 2) return;
    if (this.waiting.length >= COMPLETION_BATCH_SIZE) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.flush();
      return;
    }
    if (this.waiting.length > 0 && !this.timer)
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.gatherMs);
  }

  private async flush(): Promise<void> {
    const batch = this.waiting.splice(0, COMPLETION_BATCH_SIZE);
    if (batch.length === 0) return;
    this.inFlight++;
    try {
      const ids = [...new Set(batch.map((w) => w.runId))];
      let outcomes: Map<string, CompletedRun | null>;
      try {
        outcomes = await runInTransaction(this.dataSource, (tx) => this.completeBatch(tx, ids));
      } catch (error) {
        this.logger.warn(
          `a batch of ${ids.length} completion(s) failed (${(error as Error).message}); completing each alone`,
        );
        outcomes = new Map();
        for (const w of batch) {
          try {
            w.resolve(await this.completeRun(w.runId));
          } catch (own) {
            w.reject(own);
          }
        }
        return;
      }
      for (const w of batch) w.resolve(outcomes.get(w.runId) ?? null);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }

  /** Completes several runs inside `tx`: locks and reads everything in one statement per table, then each run. */
  async completeBatch(tx: Tx, runIds: readonly string[]): Promise<Map<string, CompletedRun | null>> {
    const sorted = [...runIds].sort();
    const runs = await tx.query<{ id: string }[]>(
      `SELECT id FROM verification_runs WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [sorted],
    );
    const runRows = await tx.findBy(VerificationRun, { id: In(runs.map((r) => r.id)) });
    const checks = await tx.find(VerificationCheck, {
      where: { runId: In(sorted) },
      order: { memberId: 'ASC', source: 'ASC' },
    });
    const running = runRows.filter((r) => r.status === VerificationRunStatus.RUNNING);
    const apps = await this.applications.findManyByIds(
      running.map((r) => r.applicationId),
      tx,
    );
    const members = await this.applications.findMembersOfMany(
      apps.map((a) => a.id),
      tx,
    );
    const results = await tx.find(VerificationResult, {
      where: { runId: In(running.map((r) => r.id)) },
      order: { memberId: 'ASC', source: 'ASC' },
    });
    const group = <T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> => {
      const map = new Map<K, T[]>();
      for (const item of items) {
        const list = map.get(key(item));
        if (list) list.push(item);
        else map.set(key(item), [item]);
      }
      return map;
    };
    const checksByRun = group(checks, (c) => c.runId);
    const resultsByRun = group(results, (r) => r.runId);
    const membersByApp = group(members, (m) => m.applicationId);
    const appById = new Map(apps.map((a) => [a.id, a]));
    const runById = new Map(runRows.map((r) => [r.id, r]));
    // Audit chains are locked county by county in one order, so two batches never wait on each other in a cycle.
    const order = [...sorted].sort((a, b) => {
      const ca = appById.get(runById.get(a)?.applicationId ?? '')?.countyCode ?? '';
      const cb = appById.get(runById.get(b)?.applicationId ?? '')?.countyCode ?? '';
      return ca < cb ? -1 : ca > cb ? 1 : a < b ? -1 : a > b ? 1 : 0;
    });
    const outcomes = new Map<string, CompletedRun | null>();
    const policies = new Map<string, Promise<EffectivePolicy>>();
    for (const runId of order) {
      const run = runById.get(runId) ?? null;
      const app = run ? (appById.get(run.applicationId) ?? null) : null;
      outcomes.set(
        runId,
        await this.complete(tx, runId, {
          run,
          checks: checksByRun.get(runId) ?? [],
          app,
          members: app ? (membersByApp.get(app.id) ?? []) : [],
          results: resultsByRun.get(runId) ?? [],
          policies,
        }),
      );
    }
    return outcomes;
  }

  /**
   * Completes a run whose checks are all final, inside `tx`: the report (SPEC 5.4) and recommendation (SPEC 6.4)
   * rows, the run COMPLETE or INCOMPLETE, the application VERIFYING → VERIFIED (optimistic version) with its
   * recommendation summary, the audit entry and the `verification.completed` event. Returns null, changing nothing,
   * when the run is not RUNNING (already completed by a duplicate job, or cancelled) or still has pending checks.
   * The signed decision record of SPEC 6.5 is written in the same transaction.
   */
  async complete(tx: Tx, runId: string, prefetched?: Prefetched): Promise<CompletedRun | null> {
    const run = prefetched ? prefetched.run : await this.repository.lockRun(tx, runId);
    if (!run || run.status !== VerificationRunStatus.RUNNING) return null;
    const checks = prefetched ? prefetched.checks : await this.repository.checksOf(runId, tx);
    if (checks.some((c) => c.status === CheckStatus.PENDING)) {
      this.logger.warn(`run ${runId} has pending checks at completion; the reconciler will run it again`);
      return null;
    }
    const now = new Date();
    const ownerKind = run.ownerKind ?? 'APPLICATION';
    if (ownerKind !== 'APPLICATION') {
      await this.completeForOwner(tx, run, checks, now, prefetched);
      return null;
    }
    const app = prefetched ? prefetched.app : await this.applications.findById(run.applicationId, tx);
    if (!app || app.status !== ApplicationStatus.VERIFYING || app.currentRunId !== runId) {
      // The application moved on without cancelling this run (should not happen): close it, touch nothing else.
      await this.repository.finishRun(tx, runId, VerificationRunStatus.CANCELLED, now);
      await this.repository.cancelPendingChecksIn(tx, runId, now);
      return null;
    }

    const members = prefetched ? prefetched.members : await this.applications.findMembers(app.id, tx);
    const results = prefetched ? prefetched.results : await this.repository.resultsOf(runId, tx);
    const params = await this.policyFor(tx, app.townshipCode, app.createdOn, prefetched?.policies);
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

  /**
   * A run owned by another kind than an application (a beneficiary review, SPEC 11.2), through its registered owner:
   * the owner is locked and states the subject; the report, the run's end and the signed decision record are written
   * here; the owner makes its own transition, audit entry and event. A kind nobody registered leaves the run RUNNING.
   */
  private async completeForOwner(
    tx: Tx,
    run: VerificationRun,
    checks: VerificationCheck[],
    now: Date,
    prefetched?: Prefetched,
  ): Promise<void> {
    const kind = run.ownerKind ?? 'APPLICATION';
    let owner;
    try {
      owner = this.owners.get(kind);
    } catch (error) {
      if (error instanceof UnknownRunOwnerError) {
        this.logger.warn(`run ${run.id}: ${error.message}; left RUNNING`);
        return;
      }
      throw error;
    }
    const ownerId = run.ownerId ?? run.applicationId;
    const subject = await owner.lockForCompletion(tx, ownerId, run.id);
    if (!subject) {
      await this.repository.finishRun(tx, run.id, VerificationRunStatus.CANCELLED, now);
      await this.repository.cancelPendingChecksIn(tx, run.id, now);
      return;
    }
    const results = prefetched ? prefetched.results : await this.repository.resultsOf(run.id, tx);
    const params = await this.policyFor(tx, subject.policyAreaCode, subject.policyOn, prefetched?.policies);
    const facts = toVerifiedFacts(checks, results);
    const built = buildReport({
      runId: run.id,
      applicationId: run.applicationId,
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
      runId: run.id,
      applicationId: run.applicationId,
      runStatus,
      report: built.report,
      recommendation: built.recommendation,
      policyVersion: params.version,
      createdAt: now,
    });
    await this.repository.finishRun(tx, run.id, runStatus, now);
    const answers = new Map(results.map((r) => [`${r.source}:${r.memberId}`, r.response]));
    await this.decisionRecords.recordRecommendation(tx, {
      applicationId: run.applicationId,
      applicationNumber: subject.number,
      runId: run.id,
      household: subject.household,
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
    await owner.completed(tx, ownerId, {
      runId: run.id,
      runStatus: runStatus === VerificationRunStatus.COMPLETE ? 'COMPLETE' : 'INCOMPLETE',
      report: built.report,
      recommendation: built.recommendation,
      household: subject.household,
      facts,
      params,
      results,
      checks,
      completedAt: now,
    });
  }

  /** The policy set of a township on a date, read once per batch (a batch mostly shares a few). */
  private policyFor(
    tx: Tx,
    townshipCode: string,
    on: string,
    cache?: Map<string, Promise<EffectivePolicy>>,
  ): Promise<EffectivePolicy> {
    if (!cache) return this.policy.effectiveFor(townshipCode, on, tx);
    const key = `${townshipCode}:${on}`;
    let policy = cache.get(key);
    if (!policy) {
      policy = this.policy.effectiveFor(townshipCode, on, tx);
      cache.set(key, policy);
    }
    return policy;
  }
}
