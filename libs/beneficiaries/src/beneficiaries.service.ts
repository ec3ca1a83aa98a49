import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AreaScope, Role, actorOf, type AuthUser } from '@app/access';
import {
  ApplicationApprovalHooks,
  ApplicationRepository,
  toMemberView,
  type ApplicationApprovalHook,
  type ApprovedApplication,
} from '@app/applications';
import { scopePrefix, isWithinScope } from '@app/areas';
import { AuditService } from '@app/audit';
import { DomainError, ErrorCode, todayInChina } from '@app/common';
import { runInTransaction, type Tx } from '@app/database';
import { EventType, OutboxService } from '@app/events';
import { QueueName } from '@app/queue';
import { BeneficiaryRecords, SYSTEM } from './beneficiary-records';
import { BeneficiaryRepository } from './beneficiary.repository';
import {
  BeneficiaryStatus,
  type BeneficiaryRow,
  type BeneficiarySummary,
  type BeneficiaryView,
} from './beneficiary.types';
import { Clock } from './clock';
import {
  addMonths,
  ageAt,
  firstReviewDueOn,
  monthInChina,
  monthStartInChina,
  reviewCategoryOf,
} from './review-rules';
import { validateWithdraw } from './review-validation';

export interface BeneficiaryListQuery {
  status?: string;
  programme?: string;
  areaCode?: string;
  reviewDueBefore?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface BeneficiaryPage {
  items: BeneficiarySummary[];
  total: number;
  page: number;
  pageSize: number;
}

export type ExitEndResult = 'STOPPED' | 'NOT_DUE' | 'NOTHING_TO_END';

const SWEEP_BATCH = 200;

/**
 * The beneficiary roll (SPEC 11.1): enrolment with an approval (as the applications lib's approval hook), list and
 * view (scoped, audited), the family's withdrawal and the end of a gradual exit (timer and sweep).
 */
@Injectable()
export class BeneficiariesService implements ApplicationApprovalHook, OnModuleInit {
  private readonly logger = new Logger(BeneficiariesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: BeneficiaryRepository,
    private readonly applications: ApplicationRepository,
    private readonly hooks: ApplicationApprovalHooks,
    private readonly records: BeneficiaryRecords,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly scope: AreaScope,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  /** SPEC 11.1: the approved household joins the roll in the decision's transaction (event `beneficiary.enrolled`). */
  async onApproved(tx: Tx, approved: ApprovedApplication): Promise<void> {
    const { application: app, members, decision } = approved;
    const decidedOn = todayInChina(decision.decidedAt);
    const since = decision.effectiveMonth ?? addMonths(monthInChina(decision.decidedAt), 1);
    const category = reviewCategoryOf(
      app.programme,
      members.map((m) => ({
        counted: m.counted,
        age: ageAt(m.birthDate, decidedOn),
        employment: m.employment,
        disability: m.disability,
      })),
    );
    const row: BeneficiaryRow = {
      id: randomUUID(),
      applicationId: app.id,
      number: app.number,
      programme: app.programme,
      status: BeneficiaryStatus.ACTIVE,
      townshipCode: app.townshipCode,
      countyCode: app.countyCode,
      residence: app.residence,
      applicantName: app.applicantName,
      monthlyBenefitFen: decision.monthlyBenefitFen ?? 0,
      since,
      reviewCategory: category,
      nextReviewDueOn: firstReviewDueOn(since, category),
      lastReviewedOn: null,
      gradualExitFrom: null,
      gradualExitUntil: null,
      stoppedFrom: null,
      acceptedRunId: approved.runId,
      enrolledAt: decision.decidedAt,
      updatedAt: decision.decidedAt,
      version: 1,
    };
    await this.repository.insert(tx, row);
    await this.repository.addHistory(tx, {
      beneficiaryId: row.id,
      at: decision.decidedAt,
      change: 'ENROLLED',
      fromFen: null,
      toFen: row.monthlyBenefitFen,
      effectiveMonth: since,
      reason: decision.reason,
      reviewId: null,
    });
    await this.records.audited(tx, approved.actor, row, 'beneficiary.enrolled', {
      since,
      monthlyBenefitFen: row.monthlyBenefitFen,
      reviewCategory: category,
      nextReviewDueOn: row.nextReviewDueOn,
    });
    await this.records.event(tx, EventType.BENEFICIARY_ENROLLED, row, {
      since,
      reviewCategory: category,
      nextReviewDueOn: row.nextReviewDueOn,
    });
  }

  /** A beneficiary inside the caller's scope; anything else is 404 (and audited as a denied access). */
  async loadInScope(actor: AuthUser, id: string, ip?: string | null): Promise<BeneficiaryRow> {
    const row = await this.repository.findById(id);
    if (!row) throw DomainError.notFound('Beneficiary');
    await this.scope.require(actor, row.townshipCode, 'Beneficiary', ip);
    return row;
  }

  /** `GET /api/v1/beneficiaries/{id}`: every read is audited (`beneficiary.viewed`). */
  async view(actor: AuthUser, id: string, ip?: string | null): Promise<BeneficiaryView> {
    const row = await this.loadInScope(actor, id, ip);
    await this.audit.appendInOwnTransaction({
      action: 'beneficiary.viewed',
      actor: actorOf(actor, actor.roles[0] ?? null),
      areaCode: row.townshipCode,
      applicationId: row.applicationId,
      detail: { beneficiaryId: row.id, number: row.number },
      ip: ip ?? null,
    });
    return this.buildView(row);
  }

  async buildView(row: BeneficiaryRow): Promise<BeneficiaryView> {
    const members = await this.applications.findMembers(row.applicationId);
    return {
      ...this.summary(row),
      members: [...members].sort((a, b) => a.position - b.position).map(toMemberView),
      history: await this.repository.history(row.id),
    };
  }

  /** `GET /api/v1/beneficiaries`: scoped, overdue first; audited with the filters and the ids returned. */
  async list(actor: AuthUser, query: BeneficiaryListQuery, ip?: string | null): Promise<BeneficiaryPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    if (query.areaCode && !isWithinScope(query.areaCode, actor.areaCode))
      return this.auditedList(actor, query, { items: [], total: 0, page, pageSize }, ip);
    const { rows, total } = await this.repository.list(
      {
        scopeAreaCode: scopePrefix(actor.areaCode),
        areaCode: query.areaCode ? scopePrefix(query.areaCode) : undefined,
        status: query.status,
        programme: query.programme,
        reviewDueBefore: query.reviewDueBefore,
        q: query.q,
        page,
        pageSize,
      },
      this.today(),
    );
    return this.auditedList(
      actor,
      query,
      { items: rows.map((r) => this.summary(r)), total, page, pageSize },
      ip,
    );
  }

  /** `POST /api/v1/beneficiaries/{id}/withdraw` (STATION_OPERATOR): STOPPED from the next month. */
  async withdraw(actor: AuthUser, id: string, body: unknown, ip?: string | null): Promise<BeneficiaryView> {
    if (!actor.roles.includes(Role.STATION_OPERATOR)) throw DomainError.forbidden();
    const row = await this.loadInScope(actor, id, ip);
    const checked = validateWithdraw(body);
    if (!checked.ok) throw DomainError.validation(checked.problems);
    const now = this.clock.now();
    const stopped = await runInTransaction(this.dataSource, async (tx) => {
      const locked = await this.repository.lock(tx, row.id);
      if (!locked || locked.status === BeneficiaryStatus.STOPPED)
        throw new DomainError(
          ErrorCode.INVALID_TRANSITION,
          `Cannot move from ${locked?.status ?? 'unknown'} to ${BeneficiaryStatus.STOPPED}`,
          undefined,
          { from: locked?.status, to: BeneficiaryStatus.STOPPED },
        );
      // An open review ends without a result: the household left the roll.
      await tx.query(
        `UPDATE reviews SET status = 'CLOSED', closed_at = $2, version = version + 1, current_run_id = NULL
          WHERE beneficiary_id = $1 AND status <> 'CLOSED'`,
        [row.id, now],
      );
      await this.applications.cancelRunningRuns(tx, locked.applicationId, now);
      return this.stop(tx, locked, now, {
        actor: actorOf(actor, Role.STATION_OPERATOR),
        change: 'WITHDRAWN',
        reason: checked.value.reason,
        effectiveMonth: addMonths(monthInChina(now), 1),
        reviewId: null,
        ip,
      });
    });
    return this.buildView(stopped);
  }

  /**
   * Moves a beneficiary to STOPPED inside `tx` (withdrawal, a STOP decision, the end of a gradual exit): history,
   * audit, `beneficiary.changed` and `beneficiary.stopped`, and its persons are released for new applications.
   */
  async stop(
    tx: Tx,
    locked: BeneficiaryRow,
    now: Date,
    how: {
      actor: Parameters<BeneficiaryRecords['audited']>[1];
      change: 'WITHDRAWN' | 'STOP' | 'STOPPED';
      reason: string | null;
      effectiveMonth: string;
      reviewId: string | null;
      ip?: string | null;
    },
  ): Promise<BeneficiaryRow> {
    const next = await this.repository.update(
      tx,
      locked.id,
      { status: BeneficiaryStatus.STOPPED, stoppedFrom: how.effectiveMonth, monthlyBenefitFen: 0 },
      now,
    );
    await this.repository.addHistory(tx, {
      beneficiaryId: locked.id,
      at: now,
      change: how.change,
      fromFen: locked.monthlyBenefitFen,
      toFen: 0,
      effectiveMonth: how.effectiveMonth,
      reason: how.reason,
      reviewId: how.reviewId,
    });
    await this.applications.releaseClaims(tx, locked.applicationId);
    await this.records.audited(
      tx,
      how.actor,
      next,
      'beneficiary.stopped',
      {
        from: locked.status,
        to: next.status,
        change: how.change,
        fromFen: locked.monthlyBenefitFen,
        effectiveMonth: how.effectiveMonth,
        reason: how.reason,
        reviewId: how.reviewId,
      },
      how.ip,
    );
    const change = {
      change: how.change === 'STOPPED' ? 'STOP' : how.change === 'WITHDRAWN' ? 'STOP' : how.change,
      fromFen: locked.monthlyBenefitFen,
      toFen: 0,
      effectiveMonth: how.effectiveMonth,
      reviewId: how.reviewId,
    };
    await this.records.event(tx, EventType.BENEFICIARY_CHANGED, next, change);
    await this.records.event(tx, EventType.BENEFICIARY_STOPPED, next, {
      stoppedFrom: how.effectiveMonth,
      cause: how.change,
      reviewId: how.reviewId,
    });
    return next;
  }

  /**
   * The delayed job at the end of a gradual exit's last month, and the sweep (SPEC 11.1): → STOPPED. Idempotent:
   * only the first caller stops it; a call before the end changes nothing.
   */
  async endGradualExit(beneficiaryId: string, trigger: 'timer' | 'sweep'): Promise<ExitEndResult> {
    const now = this.clock.now();
    return runInTransaction(this.dataSource, async (tx) => {
      const locked = await this.repository.lock(tx, beneficiaryId);
      if (!locked || locked.status !== BeneficiaryStatus.GRADUAL_EXIT || !locked.gradualExitUntil)
        return 'NOTHING_TO_END';
      const firstUnpaid = addMonths(locked.gradualExitUntil, 1);
      if (monthInChina(now) < firstUnpaid) return 'NOT_DUE';
      await this.stop(tx, locked, now, {
        actor: SYSTEM,
        change: 'STOPPED',
        reason: `gradual exit ended after ${locked.gradualExitUntil} (${trigger})`,
        effectiveMonth: firstUnpaid,
        reviewId: null,
      });
      return 'STOPPED';
    });
  }

  /** When the timer of a gradual exit fires: the first instant of the first unpaid month, China time. */
  exitEndsAt(untilMonth: string): Date {
    return monthStartInChina(addMonths(untilMonth, 1));
  }

  /** Ends every gradual exit past its last month (a lost timer never leaves one running); returns how many. */
  async sweepGradualExits(): Promise<number> {
    let stopped = 0;
    const seen = new Set<string>();
    for (;;) {
      const due = (await this.repository.dueExits(monthInChina(this.clock.now()), SWEEP_BATCH)).filter(
        (id) => !seen.has(id),
      );
      if (due.length === 0) return stopped;
      for (const id of due) {
        seen.add(id);
        try {
          if ((await this.endGradualExit(id, 'sweep')) === 'STOPPED') stopped++;
        } catch (error) {
          this.logger.error(`gradual-exit sweep: beneficiary ${id}: ${String(error)}`);
        }
      }
    }
  }

  /** Schedules the end of a gradual exit (a delayed job; the sweep is the safety net). */
  async scheduleExitEnd(tx: Tx, beneficiaryId: string, untilMonth: string): Promise<void> {
    await this.outbox.addCommand(tx, {
      queue: QueueName.REVIEWS,
      name: 'gradual-exit.end',
      data: { beneficiaryId },
      jobId: `exit-end-${beneficiaryId}-${untilMonth}`,
      runAt: this.exitEndsAt(untilMonth),
    });
  }

  today(): string {
    return todayInChina(this.clock.now());
  }

  summary(row: BeneficiaryRow): BeneficiarySummary {
    return {
      id: row.id,
      number: row.number,
      applicationId: row.applicationId,
      applicantName: row.applicantName,
      programme: row.programme,
      status: row.status,
      townshipCode: row.townshipCode,
      countyCode: row.countyCode,
      monthlyBenefitFen: row.monthlyBenefitFen,
      since: row.since,
      reviewCategory: row.reviewCategory,
      nextReviewDueOn: row.nextReviewDueOn,
      // SPEC 11.1: past the due date while no review is open (a household leaving the roll is not reviewed).
      reviewOverdue: row.status === BeneficiaryStatus.ACTIVE && this.today() > row.nextReviewDueOn,
      lastReviewedOn: row.lastReviewedOn,
      gradualExit:
        row.gradualExitFrom && row.gradualExitUntil
          ? { fromMonth: row.gradualExitFrom, untilMonth: row.gradualExitUntil }
          : null,
      version: row.version,
    };
  }

  private async auditedList(
    actor: AuthUser,
    query: BeneficiaryListQuery,
    page: BeneficiaryPage,
    ip?: string | null,
  ): Promise<BeneficiaryPage> {
    await this.audit.appendInOwnTransaction({
      action: 'beneficiaries.listed',
      actor: actorOf(actor, actor.roles[0] ?? null),
      areaCode: actor.areaCode,
      detail: {
        filters: { ...query },
        total: page.total,
        ids: page.items.map((i) => i.id),
      },
      ip: ip ?? null,
    });
    return page;
  }
}
