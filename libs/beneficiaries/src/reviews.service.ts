import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AreaScope, Role, actorOf, type AuthUser } from '@app/access';
import {
  ApplicationRepository,
  validateAuthorization,
  VerificationRunStatus,
  type ApplicationMember,
} from '@app/applications';
import { scopePrefix, isWithinScope } from '@app/areas';
import { AuditService, type AuditActor } from '@app/audit';
import { WorkingCalendar } from '@app/calendar';
import { DomainError, ErrorCode, todayInChina } from '@app/common';
import { runInTransaction, type Tx } from '@app/database';
import { DecisionRecordsService } from '@app/decisions';
import { EventType, OutboxService } from '@app/events';
import { QueueName } from '@app/queue';
import { VerificationRepository } from '@app/verification';
import { BeneficiariesService } from './beneficiaries.service';
import { BeneficiaryRecords } from './beneficiary-records';
import { BeneficiaryRepository } from './beneficiary.repository';
import {
  BeneficiaryStatus,
  ReviewReason,
  ReviewResult,
  ReviewStatus,
  type BeneficiaryRow,
  type ReviewDecision,
  type ReviewRow,
  type ReviewView,
  type TownshipOpinion,
} from './beneficiary.types';
import { Clock } from './clock';
import { ReviewAlreadyOpenError, ReviewRepository } from './review.repository';
import {
  addMonths,
  decisionNeedsReason,
  gradualExitPeriod,
  monthInChina,
  reviewDueAfterClose,
  type ProposalChange,
} from './review-rules';
import { validateOpenReview, validateOpinion, validateReviewDecision } from './review-validation';

/** SPEC 11.2: 30 working days after opening, unless a death or the periodic due date says otherwise. */
export const REVIEW_WORKING_DAYS = 30;
/** SPEC 11.2: the county decides within 10 working days of AWAITING_COUNTY_DECISION. */
export const REVIEW_DECISION_WORKING_DAYS = 10;

export interface OpenReviewInput {
  reason: ReviewReason;
  note: string | null;
  batchId: string | null;
  actor: AuditActor;
  /** SPEC 11.2 `reviewDueOn`, when not the default (death: three months after it; periodic: the due date). */
  reviewDueOn?: string;
  ip?: string | null;
}

export interface ReviewPage {
  items: ReviewView[];
  total: number;
  page: number;
  pageSize: number;
}

/** A valid authorisation for dynamic management: recorded and signed on a real date not in the future. */
export function isAuthorised(member: ApplicationMember, today: string): boolean {
  const signedAt = member.authorization?.signedAt;
  return typeof signedAt === 'string' && signedAt <= today;
}

/**
 * Reviews of SPEC 11.2: opening (one open review per household), the authorisation routes, the township opinion and
 * the county decision with separation of duties, and applying the decided change from the month after.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviews: ReviewRepository,
    private readonly beneficiaries: BeneficiaryRepository,
    private readonly roll: BeneficiariesService,
    private readonly applications: ApplicationRepository,
    private readonly verification: VerificationRepository,
    private readonly decisions: DecisionRecordsService,
    private readonly records: BeneficiaryRecords,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly scope: AreaScope,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  /** `POST /api/v1/beneficiaries/{id}/reviews` (TOWNSHIP_REVIEWER, VERIFICATION_OFFICER). */
  async open(actor: AuthUser, beneficiaryId: string, body: unknown, ip?: string | null): Promise<ReviewView> {
    const role = actor.roles.find((r) => r === Role.TOWNSHIP_REVIEWER || r === Role.VERIFICATION_OFFICER);
    if (!role) throw DomainError.forbidden();
    const b = await this.roll.loadInScope(actor, beneficiaryId, ip);
    const checked = validateOpenReview(body);
    if (!checked.ok) throw DomainError.validation(checked.problems);
    const review = await runInTransaction(this.dataSource, async (tx) => {
      const locked = await this.beneficiaries.lock(tx, b.id);
      if (!locked) throw DomainError.notFound('Beneficiary');
      return this.openLocked(tx, locked, {
        reason: checked.value.reason,
        note: checked.value.note,
        batchId: null,
        actor: actorOf(actor, role),
        ip,
      });
    });
    return this.buildView(review, b);
  }

  /**
   * Opens a review of a locked beneficiary inside `tx`: ACTIVE → UNDER_REVIEW; VERIFYING with a run when every counted
   * member's authorisation stands (the original ones stay valid), else AWAITING_AUTHORIZATION.
   */
  async openLocked(tx: Tx, locked: BeneficiaryRow, input: OpenReviewInput): Promise<ReviewRow> {
    if (locked.status === BeneficiaryStatus.UNDER_REVIEW) throw alreadyOpen();
    if (locked.status !== BeneficiaryStatus.ACTIVE)
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `Cannot open a review of a beneficiary in ${locked.status}`,
        undefined,
        { from: locked.status, to: BeneficiaryStatus.UNDER_REVIEW },
      );
    const now = this.clock.now();
    const today = todayInChina(now);
    const members = await this.applications.findMembers(locked.applicationId, tx);
    const authorised = members.every((m) => !m.counted || isAuthorised(m, today));
    const runId = authorised ? randomUUID() : null;
    const row: ReviewRow = {
      id: randomUUID(),
      beneficiaryId: locked.id,
      applicationId: locked.applicationId,
      townshipCode: locked.townshipCode,
      countyCode: locked.countyCode,
      reason: input.reason,
      note: input.note,
      status: authorised ? ReviewStatus.VERIFYING : ReviewStatus.AWAITING_AUTHORIZATION,
      result: null,
      batchId: input.batchId,
      openedBy: input.actor.userId,
      openedByUsername: input.actor.username ?? 'system',
      openedAt: now,
      closedAt: null,
      policyOn: today,
      reviewDueOn: input.reviewDueOn ?? this.defaultDueOn(input.reason, locked, today),
      awaitingDecisionSince: null,
      currentRunId: runId,
      recommendation: null,
      proposal: null,
      delta: null,
      townshipReview: null,
      decision: null,
      authorizedBy: [],
      version: 1,
    };
    try {
      await this.reviews.insert(tx, row);
    } catch (error) {
      if (error instanceof ReviewAlreadyOpenError) throw alreadyOpen();
      throw error;
    }
    if (runId) await this.startRun(tx, locked.applicationId, row.id, runId, now);
    const next = await this.beneficiaries.update(
      tx,
      locked.id,
      { status: BeneficiaryStatus.UNDER_REVIEW },
      now,
    );
    await this.records.audited(
      tx,
      input.actor,
      next,
      'review.opened',
      {
        reviewId: row.id,
        reason: row.reason,
        status: row.status,
        batchId: row.batchId,
        reviewDueOn: row.reviewDueOn,
      },
      input.ip,
    );
    await this.records.event(tx, EventType.BENEFICIARY_REVIEW_OPENED, next, {
      reviewId: row.id,
      reason: row.reason,
      reviewStatus: row.status,
      batchId: row.batchId,
      reviewDueOn: row.reviewDueOn,
    });
    return row;
  }

  private defaultDueOn(reason: ReviewReason, b: BeneficiaryRow, today: string): string {
    if (reason === ReviewReason.PERIODIC) return b.nextReviewDueOn;
    return this.calendar.addWorkingDays(today, REVIEW_WORKING_DAYS);
  }

  /**
   * A verification run owned by the review (owner kind 'REVIEW') over the enrolling application's members, started
   * through the outbox.
   */
  async startRun(tx: Tx, applicationId: string, reviewId: string, runId: string, now: Date): Promise<void> {
    await this.applications.insertRun(tx, {
      id: runId,
      applicationId,
      status: VerificationRunStatus.RUNNING,
      startedAt: now,
      completedAt: null,
      pass: 0,
      reconciledAt: null,
      ownerKind: 'REVIEW',
      ownerId: reviewId,
    });
    await this.outbox.addCommand(tx, {
      queue: QueueName.VERIFICATION,
      name: 'verification.start',
      data: { runId },
      jobId: `run-${runId}`,
    });
  }

  /** `GET /api/v1/reviews/{id}` (any role, scoped). */
  async view(actor: AuthUser, id: string, ip?: string | null): Promise<ReviewView> {
    const review = await this.loadInScope(actor, id, ip);
    const b = await this.beneficiaries.findById(review.beneficiaryId);
    if (!b) throw DomainError.notFound('Review');
    await this.audit.appendInOwnTransaction({
      action: 'review.viewed',
      actor: actorOf(actor, actor.roles[0] ?? null),
      areaCode: review.townshipCode,
      applicationId: review.applicationId,
      detail: { reviewId: review.id, beneficiaryId: review.beneficiaryId },
      ip: ip ?? null,
    });
    return this.buildView(review, b);
  }

  /** `GET /api/v1/reviews` (scoped, newest first). */
  async list(
    actor: AuthUser,
    query: { status?: string; areaCode?: string; batchId?: string; page?: number; pageSize?: number },
  ): Promise<ReviewPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    if (query.areaCode && !isWithinScope(query.areaCode, actor.areaCode))
      return { items: [], total: 0, page, pageSize };
    const { rows, total } = await this.reviews.list({
      scopeAreaCode: scopePrefix(actor.areaCode),
      areaCode: query.areaCode ? scopePrefix(query.areaCode) : undefined,
      status: query.status,
      batchId: query.batchId,
      page,
      pageSize,
    });
    return { items: await this.views(rows, false), total, page, pageSize };
  }

  /** `GET /api/v1/beneficiaries/{id}/reviews`: newest first. */
  async listOfBeneficiary(
    actor: AuthUser,
    beneficiaryId: string,
    ip?: string | null,
  ): Promise<{ items: ReviewView[] }> {
    const b = await this.roll.loadInScope(actor, beneficiaryId, ip);
    const rows = await this.reviews.listOfBeneficiary(b.id);
    return { items: await this.views(rows, false) };
  }

  /** `PUT /api/v1/reviews/{id}/members/{memberId}/authorization` (STATION_OPERATOR). */
  async recordAuthorization(
    actor: AuthUser,
    id: string,
    memberId: string,
    body: unknown,
    ip?: string | null,
  ): Promise<ReviewView> {
    if (!actor.roles.includes(Role.STATION_OPERATOR)) throw DomainError.forbidden();
    const review = await this.loadInScope(actor, id, ip);
    const now = this.clock.now();
    const today = todayInChina(now);
    const members = await this.applications.findMembers(review.applicationId);
    const member = members.find((m) => m.id === memberId);
    if (!member) throw DomainError.notFound('Member');
    const validation = validateAuthorization(body, ageOf(member.birthDate, today), today);
    if (!validation.ok) throw DomainError.validation(validation.problems);
    requireOpen(review, 'record an authorisation');
    const next = await runInTransaction(this.dataSource, async (tx) => {
      const locked = await this.lockVersion(tx, review);
      member.authorization = { ...validation.value, recordedBy: actor.id, recordedAt: now.toISOString() };
      await this.applications.setAuthorization(tx, member.id, member.authorization);
      await this.reviews.addAuthorizer(tx, locked.id, actor.id);
      let updated = await this.reviews.update(tx, locked.id, {});
      const complete = members.every((m) => !m.counted || isAuthorised(m, today));
      if (locked.status === ReviewStatus.AWAITING_AUTHORIZATION && complete) {
        const runId = randomUUID();
        await this.startRun(tx, locked.applicationId, locked.id, runId, now);
        updated = await this.reviews.update(tx, locked.id, {
          status: ReviewStatus.VERIFYING,
          currentRunId: runId,
        });
      }
      await this.reviewAudit(
        tx,
        actorOf(actor, Role.STATION_OPERATOR),
        updated,
        'review.authorization-recorded',
        {
          memberId,
          from: locked.status,
          to: updated.status,
        },
        ip,
      );
      return updated;
    });
    return this.buildView(next);
  }

  /** `DELETE …/authorization`: pending checks are cancelled and the review waits in AWAITING_AUTHORIZATION. */
  async revokeAuthorization(
    actor: AuthUser,
    id: string,
    memberId: string,
    ip?: string | null,
  ): Promise<ReviewView> {
    if (!actor.roles.includes(Role.STATION_OPERATOR)) throw DomainError.forbidden();
    const review = await this.loadInScope(actor, id, ip);
    const members = await this.applications.findMembers(review.applicationId);
    const member = members.find((m) => m.id === memberId);
    if (!member) throw DomainError.notFound('Member');
    requireOpen(review, 'revoke an authorisation');
    if (review.status === ReviewStatus.AWAITING_COUNTY_DECISION)
      throw invalid(review.status, ReviewStatus.AWAITING_AUTHORIZATION);
    const now = this.clock.now();
    const next = await runInTransaction(this.dataSource, async (tx) => {
      const locked = await this.lockVersion(tx, review);
      await this.applications.setAuthorization(tx, member.id, null);
      let updated: ReviewRow;
      if (member.counted && locked.status !== ReviewStatus.AWAITING_AUTHORIZATION) {
        await this.applications.cancelRunningRuns(tx, locked.applicationId, now);
        updated = await this.reviews.update(tx, locked.id, {
          status: ReviewStatus.AWAITING_AUTHORIZATION,
          currentRunId: null,
          recommendation: null,
          proposal: null,
          delta: null,
        });
      } else {
        updated = await this.reviews.update(tx, locked.id, {});
      }
      await this.reviewAudit(
        tx,
        actorOf(actor, Role.STATION_OPERATOR),
        updated,
        'review.authorization-revoked',
        {
          memberId,
          from: locked.status,
          to: updated.status,
        },
        ip,
      );
      return updated;
    });
    return this.buildView(next);
  }

  /** `POST /api/v1/reviews/{id}/township-review` (TOWNSHIP_REVIEWER): VERIFIED → AWAITING_COUNTY_DECISION. */
  async townshipReview(actor: AuthUser, id: string, body: unknown, ip?: string | null): Promise<ReviewView> {
    if (!actor.roles.includes(Role.TOWNSHIP_REVIEWER)) throw DomainError.forbidden();
    const review = await this.loadInScope(actor, id, ip);
    const today = todayInChina(this.clock.now());
    await this.requireSeparation(actor, review, 'review', ip);
    const checked = validateOpinion(body, today);
    if (!checked.ok) throw DomainError.validation(checked.problems);
    if (review.status !== ReviewStatus.VERIFIED)
      throw invalid(review.status, ReviewStatus.AWAITING_COUNTY_DECISION);
    const now = this.clock.now();
    const next = await runInTransaction(this.dataSource, async (tx) => {
      const locked = await this.lockVersion(tx, review);
      const opinion: TownshipOpinion = {
        ...checked.value,
        reviewedBy: actor.id,
        reviewedByUsername: actor.username,
        reviewedAt: now.toISOString(),
      };
      const updated = await this.reviews.update(tx, locked.id, {
        status: ReviewStatus.AWAITING_COUNTY_DECISION,
        townshipReview: opinion,
        awaitingDecisionSince: now,
      });
      await this.reviewAudit(
        tx,
        actorOf(actor, Role.TOWNSHIP_REVIEWER),
        updated,
        'review.township-reviewed',
        {
          from: locked.status,
          to: updated.status,
          opinion: opinion.opinion,
          investigation: opinion.investigation !== null,
        },
        ip,
      );
      return updated;
    });
    return this.buildView(next);
  }

  /**
   * `POST /api/v1/reviews/{id}/decision` (COUNTY_APPROVER): APPROVE applies the proposal (or the given amount), REJECT
   * keeps the benefit (KEPT). A change takes effect the month after; the decision is added to the run's record.
   */
  async decide(actor: AuthUser, id: string, body: unknown, ip?: string | null): Promise<ReviewView> {
    if (!actor.roles.includes(Role.COUNTY_APPROVER)) throw DomainError.forbidden();
    const review = await this.loadInScope(actor, id, ip);
    await this.requireSeparation(actor, review, 'decide', ip);
    const checked = validateReviewDecision(body);
    if (!checked.ok) throw DomainError.validation(checked.problems);
    const dto = checked.value;
    if (review.status !== ReviewStatus.AWAITING_COUNTY_DECISION)
      throw invalid(review.status, ReviewStatus.CLOSED);
    const proposal = review.proposal;
    if (!proposal || !review.currentRunId)
      throw new DomainError(ErrorCode.CONFLICT, 'The review has no proposal to decide on');
    const change = effectiveChange(proposal.change, dto.decision, dto.monthlyBenefitFen, proposal.fromFen);
    const problems = [];
    if (decisionNeedsReason(change, dto.decision) && !dto.reason)
      problems.push({
        path: 'reason',
        message: `reason is required for ${dto.decision === 'REJECT' ? 'REJECT' : change} (a written notice, Art. 32)`,
      });
    if (dto.reviewCategory && !dto.reason)
      problems.push({ path: 'reason', message: 'reason is required when the review category is set' });
    if (dto.monthlyBenefitFen !== null && (proposal.change === 'STOP' || proposal.change === 'GRADUAL_EXIT'))
      problems.push({
        path: 'monthlyBenefitFen',
        message: `monthlyBenefitFen cannot be set on a ${proposal.change}`,
      });
    if (problems.length > 0) throw DomainError.validation(dedupe(problems));

    const runId = review.currentRunId;
    const now = this.clock.now();
    const next = await runInTransaction(this.dataSource, async (tx) => {
      const locked = await this.lockVersion(tx, review);
      const b = await this.beneficiaries.lock(tx, locked.beneficiaryId);
      if (!b) throw DomainError.notFound('Beneficiary');
      const effectiveMonth = addMonths(monthInChina(now), 1);
      const approve = dto.decision === 'APPROVE';
      const toFen = !approve
        ? b.monthlyBenefitFen
        : change === 'STOP'
          ? 0
          : change === 'INCREASE' || change === 'DECREASE'
            ? (dto.monthlyBenefitFen ?? proposal.toFen)
            : b.monthlyBenefitFen;
      const decision: ReviewDecision = {
        decision: dto.decision,
        reason: dto.reason,
        monthlyBenefitFen: approve ? toFen : null,
        reviewCategory: dto.reviewCategory,
        change: approve ? change : 'CONTINUE',
        effectiveMonth: approve && change !== 'CONTINUE' ? effectiveMonth : null,
        decidedBy: actor.id,
        decidedByUsername: actor.username,
        decidedAt: now.toISOString(),
      };
      await this.decisions.appendDecision(tx, runId, {
        decisionId: randomUUID(),
        decision: dto.decision,
        reason: dto.reason,
        monthlyBenefitFen: decision.monthlyBenefitFen,
        effectiveMonth: decision.effectiveMonth,
        override: false,
        decidedBy: { userId: actor.id, username: actor.username },
        decidedAt: now,
      });
      const result = !approve
        ? ReviewResult.KEPT
        : change === 'STOP'
          ? ReviewResult.STOPPED
          : change === 'GRADUAL_EXIT'
            ? ReviewResult.GRADUAL_EXIT
            : change === 'CONTINUE'
              ? ReviewResult.UNCHANGED
              : ReviewResult.ADJUSTED;
      const closed = await this.reviews.update(tx, locked.id, {
        status: ReviewStatus.CLOSED,
        result,
        closedAt: now,
        decision,
      });
      const who = actorOf(actor, Role.COUNTY_APPROVER);
      await this.reviewAudit(
        tx,
        who,
        closed,
        'review.decided',
        {
          from: locked.status,
          to: closed.status,
          decision: dto.decision,
          result,
          change: decision.change,
          fromFen: b.monthlyBenefitFen,
          toFen,
          effectiveMonth: decision.effectiveMonth,
        },
        ip,
      );
      await this.applyResult(tx, b, closed, {
        result,
        change: decision.change as ProposalChange,
        toFen,
        reason: dto.reason,
        reviewCategory: dto.reviewCategory,
        actor: who,
        now,
        ip,
      });
      return closed;
    });
    return this.buildView(next);
  }

  /**
   * A closed review's effect on the beneficiary, in the closing transaction: back to ACTIVE with the new amount and
   * due date, or into GRADUAL_EXIT, or STOPPED; history and `beneficiary.changed` for any change, and
   * `beneficiary.reviewed` always.
   */
  async applyResult(
    tx: Tx,
    b: BeneficiaryRow,
    review: ReviewRow,
    how: {
      result: ReviewResult;
      change: ProposalChange;
      toFen: number;
      reason: string | null;
      reviewCategory: BeneficiaryRow['reviewCategory'] | null;
      actor: AuditActor;
      now: Date;
      ip?: string | null;
    },
  ): Promise<void> {
    const { now } = how;
    const today = todayInChina(now);
    const effectiveMonth = addMonths(monthInChina(now), 1);
    const category = how.reviewCategory ?? b.reviewCategory;
    let next: BeneficiaryRow;
    if (how.result === ReviewResult.STOPPED) {
      next = await this.roll.stop(tx, b, now, {
        actor: how.actor,
        change: 'STOP',
        reason: how.reason,
        effectiveMonth,
        reviewId: review.id,
        ip: how.ip,
      });
    } else if (how.result === ReviewResult.GRADUAL_EXIT) {
      const months = review.proposal?.gradualExitMonths ?? 6;
      const period = gradualExitPeriod(monthInChina(now), months);
      next = await this.beneficiaries.update(
        tx,
        b.id,
        {
          status: BeneficiaryStatus.GRADUAL_EXIT,
          gradualExitFrom: period.fromMonth,
          gradualExitUntil: period.untilMonth,
          lastReviewedOn: today,
          acceptedRunId: review.currentRunId,
        },
        now,
      );
      await this.beneficiaries.addHistory(tx, {
        beneficiaryId: b.id,
        at: now,
        change: 'GRADUAL_EXIT',
        fromFen: b.monthlyBenefitFen,
        toFen: b.monthlyBenefitFen,
        effectiveMonth: period.fromMonth,
        reason: how.reason,
        reviewId: review.id,
      });
      await this.roll.scheduleExitEnd(tx, b.id, period.untilMonth);
      await this.records.event(tx, EventType.BENEFICIARY_CHANGED, next, {
        change: 'GRADUAL_EXIT',
        fromFen: b.monthlyBenefitFen,
        toFen: b.monthlyBenefitFen,
        effectiveMonth: period.fromMonth,
        untilMonth: period.untilMonth,
        reviewId: review.id,
      });
    } else {
      next = await this.beneficiaries.update(
        tx,
        b.id,
        {
          status: BeneficiaryStatus.ACTIVE,
          monthlyBenefitFen: how.toFen,
          reviewCategory: category,
          lastReviewedOn: today,
          nextReviewDueOn: reviewDueAfterClose(today, category),
          acceptedRunId: review.currentRunId,
        },
        now,
      );
      if (how.toFen !== b.monthlyBenefitFen) {
        const change = how.toFen > b.monthlyBenefitFen ? 'INCREASE' : 'DECREASE';
        await this.beneficiaries.addHistory(tx, {
          beneficiaryId: b.id,
          at: now,
          change,
          fromFen: b.monthlyBenefitFen,
          toFen: how.toFen,
          effectiveMonth,
          reason: how.reason,
          reviewId: review.id,
        });
        await this.records.event(tx, EventType.BENEFICIARY_CHANGED, next, {
          change,
          fromFen: b.monthlyBenefitFen,
          toFen: how.toFen,
          effectiveMonth,
          reviewId: review.id,
        });
      }
    }
    if (category !== b.reviewCategory)
      await this.beneficiaries.addHistory(tx, {
        beneficiaryId: b.id,
        at: now,
        change: 'CATEGORY',
        fromFen: null,
        toFen: null,
        effectiveMonth: null,
        reason: `${b.reviewCategory} → ${category}: ${how.reason ?? ''}`.trim(),
        reviewId: review.id,
      });
    await this.records.event(tx, EventType.BENEFICIARY_REVIEWED, next, {
      reviewId: review.id,
      reason: review.reason,
      result: how.result,
      batchId: review.batchId,
    });
  }

  async loadInScope(actor: AuthUser, id: string, ip?: string | null): Promise<ReviewRow> {
    const review = await this.reviews.findById(id);
    if (!review) throw DomainError.notFound('Review');
    await this.scope.require(actor, review.townshipCode, 'Review', ip);
    return review;
  }

  async buildView(review: ReviewRow, beneficiary?: BeneficiaryRow): Promise<ReviewView> {
    const [view] = await this.views([review], true, beneficiary);
    return view!;
  }

  private async views(
    rows: ReviewRow[],
    withRun: boolean,
    beneficiary?: BeneficiaryRow,
  ): Promise<ReviewView[]> {
    const today = todayInChina(this.clock.now());
    const numbers = new Map<string, string>();
    if (beneficiary) numbers.set(beneficiary.id, beneficiary.number);
    const missing = [...new Set(rows.map((r) => r.beneficiaryId))].filter((id) => !numbers.has(id));
    if (missing.length > 0) {
      const found = await this.dataSource.query<{ id: string; number: string }[]>(
        `SELECT id, number FROM beneficiaries WHERE id = ANY($1::uuid[])`,
        [missing],
      );
      for (const f of found) numbers.set(f.id, f.number);
    }
    return Promise.all(
      rows.map(async (r) => {
        const decisionDueOn = r.awaitingDecisionSince
          ? this.calendar.addWorkingDays(todayInChina(r.awaitingDecisionSince), REVIEW_DECISION_WORKING_DAYS)
          : null;
        const open = r.status !== ReviewStatus.CLOSED;
        return {
          id: r.id,
          beneficiaryId: r.beneficiaryId,
          number: numbers.get(r.beneficiaryId) ?? '',
          reason: r.reason,
          note: r.note,
          status: r.status,
          result: r.result,
          batchId: r.batchId,
          openedBy: r.openedByUsername,
          openedAt: r.openedAt.toISOString(),
          closedAt: r.closedAt?.toISOString() ?? null,
          verification: withRun && r.currentRunId ? await this.runView(r.currentRunId) : null,
          recommendation: r.recommendation,
          proposal: r.proposal,
          delta: r.delta,
          townshipReview: r.townshipReview,
          decision: r.decision,
          deadlines: {
            reviewDueOn: r.reviewDueOn,
            decisionDueOn,
            overdue:
              open &&
              (today > r.reviewDueOn ||
                (r.status === ReviewStatus.AWAITING_COUNTY_DECISION &&
                  decisionDueOn !== null &&
                  today > decisionDueOn)),
          },
          version: r.version,
        };
      }),
    );
  }

  /** The run view of SPEC 5.3 for a review's run. */
  private async runView(runId: string): Promise<unknown> {
    const run = await this.verification.findRun(runId);
    if (!run) return null;
    const checks = await this.verification.checksOf(runId);
    const report = await this.verification.reportOf(runId);
    return {
      runId,
      status: run.status,
      startedAt: run.startedAt.toISOString(),
      completedAt: run.completedAt?.toISOString() ?? null,
      checks: checks.map((c) => ({
        source: c.source,
        memberId: c.memberId,
        status: c.status,
        attempts: c.attempts,
        completedAt: c.completedAt?.toISOString() ?? null,
        error: c.error,
      })),
      report: report?.report ?? null,
      recommendation: report?.recommendation ?? null,
    };
  }

  async reviewAudit(
    tx: Tx,
    actor: AuditActor,
    review: ReviewRow,
    action: string,
    detail: Record<string, unknown>,
    ip?: string | null,
  ): Promise<void> {
    await this.audit.append(tx, {
      action,
      actor,
      areaCode: review.townshipCode,
      applicationId: review.applicationId,
      detail: { reviewId: review.id, beneficiaryId: review.beneficiaryId, ...detail },
      ip: ip ?? null,
    });
  }

  private async lockVersion(tx: Tx, review: ReviewRow): Promise<ReviewRow> {
    const locked = await this.reviews.lock(tx, review.id);
    if (!locked || locked.version !== review.version)
      throw new DomainError(
        ErrorCode.VERSION_CONFLICT,
        'The review was changed by someone else; reload and retry',
      );
    return locked;
  }

  /**
   * SPEC 11.2 separation of duties: who opened the review or recorded an authorisation on it may not write its
   * township opinion; nobody who opened it, authorised on it or wrote the opinion may decide it.
   */
  private async requireSeparation(
    actor: AuthUser,
    review: ReviewRow,
    step: 'review' | 'decide',
    ip?: string | null,
  ): Promise<void> {
    const involved = new Set<string>([...review.authorizedBy]);
    if (review.openedBy) involved.add(review.openedBy);
    if (step === 'decide' && review.townshipReview) involved.add(review.townshipReview.reviewedBy);
    if (!involved.has(actor.id)) return;
    const reason =
      step === 'review'
        ? 'who opened a review, or recorded an authorisation on it, may not write its township opinion'
        : 'who opened, authorised on or gave the township opinion of a review may not decide it';
    await this.audit.appendInOwnTransaction({
      action: 'access.denied',
      actor: actorOf(actor, null),
      areaCode: review.townshipCode,
      applicationId: review.applicationId,
      detail: { status: 403, reason: `separation of duties: ${reason}`, step, reviewId: review.id },
      ip: ip ?? null,
    });
    throw new DomainError(ErrorCode.SEPARATION_OF_DUTIES, `Separation of duties: ${reason}`);
  }
}

/** What an APPROVE applies: the proposal, or INCREASE/DECREASE to an amount the approver set. */
function effectiveChange(
  proposed: ProposalChange,
  decision: 'APPROVE' | 'REJECT',
  amount: number | null,
  fromFen: number,
): ProposalChange {
  if (decision === 'REJECT' || amount === null) return proposed;
  if (proposed !== 'CONTINUE' && proposed !== 'INCREASE' && proposed !== 'DECREASE') return proposed;
  if (amount === fromFen) return 'CONTINUE';
  return amount > fromFen ? 'INCREASE' : 'DECREASE';
}

function requireOpen(review: ReviewRow, what: string): void {
  if (review.status === ReviewStatus.CLOSED)
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Cannot ${what} on a CLOSED review`, undefined, {
      from: review.status,
      to: review.status,
    });
}

function invalid(from: string, to: string): DomainError {
  return new DomainError(ErrorCode.INVALID_TRANSITION, `Cannot move from ${from} to ${to}`, undefined, {
    from,
    to,
  });
}

function alreadyOpen(): DomainError {
  return new DomainError(ErrorCode.REVIEW_ALREADY_OPEN, 'The beneficiary already has an open review');
}

function ageOf(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

function dedupe<T extends { path: string; message: string }>(problems: T[]): T[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.path) && seen.add(p.path));
}
