import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuthUser, Role, SYSTEM_ACTOR } from '@app/access';
import { AuditService, type AuditActor } from '@app/audit';
import { DomainError, ErrorCode, todayInChina } from '@app/common';
import { appConfig, type AppConfigType } from '@app/config';
import { runInTransaction, type Tx } from '@app/database';
import { DecisionRecordsService, type SignedDecisionRecord } from '@app/decisions';
import { EventType, OutboxService } from '@app/events';
import { QueueName } from '@app/queue';
import { ApplicationApprovalHooks } from './application-approval-hooks';
import { ApplicationStatus, nextStatus, Transition } from './application-status';
import { type ApplicationView } from './application-view';
import { ApplicationViewService } from './application-view.service';
import { ApplicationWorkflowRepository } from './application-workflow.repository';
import { type Application } from './application.entity';
import { ApplicationRepository } from './application.repository';
import { ApplicationsService } from './applications.service';
import { DecisionKind, type CountyDecision } from './county-decision.entity';
import { effectiveMonthOf } from './deadlines';
import { NoticeEndReason, type PublicNotice } from './public-notice.entity';
import { ReviewOpinion, type TownshipReview } from './township-review.entity';
import {
  decisionReasonProblems,
  validateDecision,
  validateObjection,
  validateTownshipReview,
} from './workflow-validation';
import { actingRole, auditActor } from './acting-role';

/** Who ends a notice: its delayed job, the periodic sweep, or a request that found it already due. */
export type NoticeEndTrigger = 'timer' | 'sweep' | 'request';

export type NoticeEndResult =
  { result: 'ENDED' } | { result: 'NOT_DUE'; endsAt: Date } | { result: 'NOTHING_TO_END' };

/** Notices ended per sweep round trip; a sweep continues until none is due. */
const SWEEP_BATCH = 200;

const DECISION_TRANSITION: Record<DecisionKind, Transition> = {
  [DecisionKind.APPROVE]: Transition.DECIDE_APPROVE,
  [DecisionKind.REJECT]: Transition.DECIDE_REJECT,
  [DecisionKind.RETURN]: Transition.DECIDE_RETURN,
};

/**
 * The workflow of SPEC 4 after verification: township review, public notice (and its end by timer or sweep),
 * objections and the county decision. Each step locks the application row, re-checks the state it read, and commits
 * the change with its audit entry and its event in one transaction.
 */
@Injectable()
export class ApplicationWorkflowService {
  private readonly logger = new Logger(ApplicationWorkflowService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly config: AppConfigType,
    private readonly applications: ApplicationsService,
    private readonly repository: ApplicationRepository,
    private readonly workflow: ApplicationWorkflowRepository,
    private readonly views: ApplicationViewService,
    private readonly decisions: DecisionRecordsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly approvalHooks: ApplicationApprovalHooks,
  ) {}

  /** `POST …/township-review` (初审): RECOMMEND_APPROVE starts the public notice, RECOMMEND_REJECT goes to the county. */
  async townshipReview(
    actor: AuthUser,
    id: string,
    body: unknown,
    ip?: string | null,
  ): Promise<ApplicationView> {
    const role = actingRole(actor, [Role.TOWNSHIP_REVIEWER]);
    const app = await this.applications.loadInScope(actor, id, ip);
    await this.requireSeparation(actor, app, 'review', ip);
    const validation = validateTownshipReview(body, todayInChina());
    if (!validation.ok) throw DomainError.validation(validation.problems);
    const dto = validation.value;
    const transition =
      dto.opinion === ReviewOpinion.RECOMMEND_APPROVE
        ? Transition.REVIEW_RECOMMEND_APPROVE
        : Transition.REVIEW_RECOMMEND_REJECT;
    const target = requireTransition(app.status, transition);

    return runInTransaction(this.dataSource, async (tx) => {
      const locked = await this.lock(tx, app);
      const now = new Date();
      const review: TownshipReview = {
        id: randomUUID(),
        applicationId: app.id,
        opinion: dto.opinion,
        comment: dto.comment,
        investigation: dto.investigation
          ? {
              visitedOn: dto.investigation.visitedOn,
              investigators: dto.investigation.investigators,
              findings: dto.investigation.findings,
            }
          : null,
        reviewedBy: actor.id,
        reviewedByUsername: actor.username,
        reviewedAt: now,
      };
      await this.workflow.insertReview(tx, review);
      const next = await this.repository.transition(tx, locked, { status: target }, now);
      await this.record(tx, auditActor(actor, role), next, 'application.township-reviewed', ip, {
        from: locked.status,
        to: target,
        opinion: review.opinion,
        investigation: review.investigation !== null,
      });
      await this.outbox.addEvent(tx, {
        type: EventType.TOWNSHIP_REVIEWED,
        subject: app.id,
        areaCode: app.townshipCode,
        data: { ...eventData(next), opinion: review.opinion },
      });
      if (target === ApplicationStatus.IN_PUBLIC_NOTICE)
        await this.startNotice(tx, actor, role, next, review, now, ip);
      return this.views.build(next, tx);
    });
  }

  /** `POST …/objections`: an objection during the notice ends it and returns the case to VERIFIED. */
  async recordObjection(
    actor: AuthUser,
    id: string,
    body: unknown,
    ip?: string | null,
  ): Promise<ApplicationView> {
    const role = actingRole(actor, [Role.TOWNSHIP_REVIEWER]);
    let app = await this.applications.loadInScope(actor, id, ip);
    app = await this.endIfDue(app);
    const notice =
      app.status === ApplicationStatus.IN_PUBLIC_NOTICE ? await this.workflow.runningNotice(app.id) : null;
    const validation = validateObjection(
      body,
      todayInChina(),
      notice ? todayInChina(notice.startedAt) : null,
    );
    if (!validation.ok) throw DomainError.validation(validation.problems);
    const target = requireTransition(app.status, Transition.OBJECTION);
    if (!notice) throw new Error(`Application ${app.id} is in public notice without a running notice`);

    return runInTransaction(this.dataSource, async (tx) => {
      const locked = await this.lock(tx, app);
      const now = new Date();
      await this.workflow.insertObjection(tx, {
        id: randomUUID(),
        noticeId: notice.id,
        applicationId: app.id,
        receivedOn: validation.value.receivedOn,
        summary: validation.value.summary,
        recordedBy: actor.id,
        recordedByUsername: actor.username,
        recordedAt: now,
      });
      if (!(await this.workflow.closeNotice(tx, notice.id, now, NoticeEndReason.OBJECTION)))
        throw versionConflict();
      const next = await this.repository.transition(tx, locked, { status: target }, now);
      await this.record(tx, auditActor(actor, role), next, 'application.objection-recorded', ip, {
        from: locked.status,
        to: target,
        noticeId: notice.id,
        receivedOn: validation.value.receivedOn,
      });
      await this.outbox.addEvent(tx, {
        type: EventType.PUBLIC_NOTICE_ENDED,
        subject: app.id,
        areaCode: app.townshipCode,
        data: noticeEndedData(next, notice, now, NoticeEndReason.OBJECTION),
      });
      return this.views.build(next, tx);
    });
  }

  /** `POST …/decision` (审核确认): APPROVE, REJECT or RETURN by a county approver who took no earlier step. */
  async decide(actor: AuthUser, id: string, body: unknown, ip?: string | null): Promise<ApplicationView> {
    const role = actingRole(actor, [Role.COUNTY_APPROVER]);
    let app = await this.applications.loadInScope(actor, id, ip);
    await this.requireSeparation(actor, app, 'decide', ip);
    const validation = validateDecision(body);
    if (!validation.ok) throw DomainError.validation(validation.problems);
    const dto = validation.value;
    app = await this.endIfDue(app);
    const target = requireTransition(app.status, DECISION_TRANSITION[dto.decision]);
    const recommendation = app.currentRunId
      ? await this.decisions.recommendationOfRun(app.currentRunId)
      : null;
    if (!recommendation || !app.currentRunId)
      throw new DomainError(ErrorCode.CONFLICT, 'The application has no recommendation to decide on');
    const review = await this.workflow.latestReview(app.id);
    const problems = decisionReasonProblems(dto, {
      recommendationOutcome: recommendation.outcome,
      staffRelative: app.staffRelative,
      hasInvestigation: review?.investigation != null,
    });
    if (problems.length > 0) throw DomainError.validation(problems);
    const runId = app.currentRunId;

    return runInTransaction(this.dataSource, async (tx) => {
      const locked = await this.lock(tx, app);
      const now = new Date();
      const approve = dto.decision === DecisionKind.APPROVE;
      const decision: CountyDecision = {
        id: randomUUID(),
        applicationId: app.id,
        decision: dto.decision,
        reason: dto.reason ?? null,
        monthlyBenefitFen: approve ? recommendation.monthlyBenefitFen : null,
        effectiveMonth: approve ? effectiveMonthOf(now) : null,
        recommendationOutcome: recommendation.outcome,
        override: approve && recommendation.outcome !== 'ELIGIBLE',
        decidedBy: actor.id,
        decidedByUsername: actor.username,
        decidedAt: now,
      };
      await this.workflow.insertDecision(tx, decision);
      const signed = await this.decisions.appendDecision(tx, runId, {
        decisionId: decision.id,
        decision: decision.decision,
        reason: decision.reason,
        monthlyBenefitFen: decision.monthlyBenefitFen,
        effectiveMonth: decision.effectiveMonth,
        override: decision.override,
        decidedBy: { userId: actor.id, username: actor.username },
        decidedAt: now,
      });
      const next = await this.repository.transition(tx, locked, { status: target }, now);
      await this.record(tx, auditActor(actor, role), next, 'application.decided', ip, {
        from: locked.status,
        to: target,
        decision: decision.decision,
        monthlyBenefitFen: decision.monthlyBenefitFen,
        effectiveMonth: decision.effectiveMonth,
        override: decision.override,
        recommendationOutcome: recommendation.outcome,
        recordHash: signed.recordHash,
      });
      await this.outbox.addEvent(tx, {
        type: EventType.DECIDED,
        subject: app.id,
        areaCode: app.townshipCode,
        data: {
          ...eventData(next),
          decision: decision.decision,
          monthlyBenefitFen: decision.monthlyBenefitFen,
          effectiveMonth: decision.effectiveMonth,
        },
      });
      // SPEC 11.1: an approval enrols the household (a hook, so this lib does not depend on the roll's lib). The hook
      // keeps the persons claimed while the household is assisted, so they cannot be in a new application.
      const enrolled =
        target === ApplicationStatus.APPROVED &&
        (await this.approvalHooks.approved(tx, {
          application: next,
          members: await this.repository.findMembers(app.id, tx),
          decision,
          runId,
          actor: auditActor(actor, role),
          ip: ip ?? null,
        }));
      // A decided person is no longer part of an open application and may apply again later.
      if (target !== ApplicationStatus.VERIFIED && !enrolled) await this.workflow.releasePersons(tx, app.id);
      return this.views.build(next, tx);
    });
  }

  /**
   * Ends the application's public notice if its period is over (SPEC 4): → AWAITING_COUNTY_DECISION. Idempotent:
   * the delayed job, the sweep and several workers may all call it; only the first ends the notice.
   */
  async endNotice(
    applicationId: string,
    trigger: NoticeEndTrigger,
    now = new Date(),
  ): Promise<NoticeEndResult> {
    return runInTransaction(this.dataSource, async (tx) => {
      const app = await this.repository.lockForTransition(tx, applicationId);
      const notice = app ? await this.workflow.runningNotice(app.id, tx) : null;
      if (!app || !notice) return { result: 'NOTHING_TO_END' };
      if (app.status !== ApplicationStatus.IN_PUBLIC_NOTICE) {
        // The case left the notice another way (e.g. withdrawn): the notice is closed without a transition.
        await this.workflow.closeNotice(tx, notice.id, now, NoticeEndReason.CANCELLED);
        return { result: 'NOTHING_TO_END' };
      }
      if (notice.endsAt.getTime() > now.getTime()) return { result: 'NOT_DUE', endsAt: notice.endsAt };
      const target = nextStatus(app.status, Transition.NOTICE_ENDED)!;
      // The notice legally ended at its end time, however late the platform noticed.
      await this.workflow.closeNotice(tx, notice.id, notice.endsAt, NoticeEndReason.EXPIRED);
      const next = await this.repository.transition(tx, app, { status: target }, now);
      await this.record(tx, SYSTEM_ACTOR, next, 'application.public-notice-ended', null, {
        from: app.status,
        to: target,
        noticeId: notice.id,
        endReason: NoticeEndReason.EXPIRED,
        endsAt: notice.endsAt.toISOString(),
        trigger,
      });
      await this.outbox.addEvent(tx, {
        type: EventType.PUBLIC_NOTICE_ENDED,
        subject: app.id,
        areaCode: app.townshipCode,
        data: noticeEndedData(next, notice, notice.endsAt, NoticeEndReason.EXPIRED),
      });
      return { result: 'ENDED' };
    });
  }

  /** Ends every notice that is due (a lost or late timer never leaves one open); returns how many it ended. */
  async sweepNotices(now = new Date()): Promise<number> {
    let ended = 0;
    const seen = new Set<string>();
    for (;;) {
      const due = (await this.workflow.dueNoticeApplicationIds(now, SWEEP_BATCH)).filter(
        (id) => !seen.has(id),
      );
      if (due.length === 0) return ended;
      for (const applicationId of due) {
        seen.add(applicationId);
        try {
          if ((await this.endNotice(applicationId, 'sweep', now)).result === 'ENDED') ended++;
        } catch (error) {
          // One case must not stop the sweep; it is retried by the next one.
          this.logger.error(`public-notice sweep: application ${applicationId}: ${messageOf(error)}`);
        }
      }
    }
  }

  /** `GET …/decision-record` (SPEC 6.5): the current signed record; every read is audited. */
  async decisionRecord(actor: AuthUser, id: string, ip?: string | null): Promise<SignedDecisionRecord> {
    const role = actingRole(actor, [Role.COUNTY_APPROVER, Role.AUDITOR]);
    const app = await this.applications.loadInScope(actor, id, ip);
    const record = await this.decisions.latestForApplication(app.id);
    if (!record) throw DomainError.notFound('Decision record');
    await this.audit.appendInOwnTransaction({
      action: 'decision-record.viewed',
      actor: auditActor(actor, role),
      areaCode: app.townshipCode,
      applicationId: app.id,
      detail: { number: app.number, runId: record.record.runId, recordHash: record.recordHash },
      ip: ip ?? null,
    });
    return record;
  }

  private async startNotice(
    tx: Tx,
    actor: AuthUser,
    role: Role,
    app: Application,
    review: TownshipReview,
    now: Date,
    ip: string | null | undefined,
  ): Promise<void> {
    const notice: PublicNotice = {
      id: randomUUID(),
      applicationId: app.id,
      reviewId: review.id,
      startedAt: now,
      endsAt: new Date(now.getTime() + this.config.publicNoticeSeconds * 1000),
      endedAt: null,
      endReason: null,
    };
    await this.workflow.insertNotice(tx, notice);
    await this.outbox.addCommand(tx, {
      queue: QueueName.MAINTENANCE,
      name: 'public-notice.end',
      data: { applicationId: app.id },
      jobId: `notice-end-${notice.id}`,
      runAt: notice.endsAt,
    });
    await this.record(tx, auditActor(actor, role), app, 'application.public-notice-started', ip, {
      noticeId: notice.id,
      startedAt: notice.startedAt.toISOString(),
      endsAt: notice.endsAt.toISOString(),
    });
    await this.outbox.addEvent(tx, {
      type: EventType.PUBLIC_NOTICE_STARTED,
      subject: app.id,
      areaCode: app.townshipCode,
      data: {
        ...eventData(app),
        startedAt: notice.startedAt.toISOString(),
        endsAt: notice.endsAt.toISOString(),
      },
    });
  }

  /** A request that finds a notice past its end closes it first, so it acts on the state the case is really in. */
  private async endIfDue(app: Application): Promise<Application> {
    if (app.status !== ApplicationStatus.IN_PUBLIC_NOTICE) return app;
    const notice = await this.workflow.runningNotice(app.id);
    if (!notice || notice.endsAt.getTime() > Date.now()) return app;
    await this.endNotice(app.id, 'request');
    return (await this.repository.findById(app.id)) ?? app;
  }

  /** Locks the row; a version other than the one the request was checked against means someone else acted first. */
  private async lock(tx: Tx, app: Application): Promise<Application> {
    const locked = await this.repository.lockForTransition(tx, app.id);
    if (!locked || locked.version !== app.version) throw versionConflict();
    return locked;
  }

  /**
   * SPEC 4 separation of duties: whoever created the application or recorded an authorisation on it may not review
   * it, and nobody who created, authorised or reviewed it may decide it. A refusal is audited as a denied access.
   */
  private async requireSeparation(
    actor: AuthUser,
    app: Application,
    step: 'review' | 'decide',
    ip: string | null | undefined,
  ): Promise<void> {
    const members = await this.repository.findMembers(app.id);
    const involved = new Set<string>([
      app.createdBy,
      ...members.flatMap((m) => (m.authorization ? [m.authorization.recordedBy] : [])),
      ...(await this.audit.actorIdsOf(app.id, ['application.created', 'application.authorization-recorded'])),
    ]);
    if (step === 'decide')
      for (const reviewer of await this.workflow.reviewerIds(app.id)) involved.add(reviewer);
    if (!involved.has(actor.id)) return;
    const reason =
      step === 'review'
        ? 'the creator of an application, or who recorded an authorisation on it, may not review it'
        : 'who created, authorised or reviewed an application may not decide it';
    await this.audit.appendInOwnTransaction({
      action: 'access.denied',
      actor: auditActor(actor, null),
      areaCode: app.townshipCode,
      applicationId: app.id,
      detail: { status: 403, reason: `separation of duties: ${reason}`, step },
      ip: ip ?? null,
    });
    throw new DomainError(ErrorCode.SEPARATION_OF_DUTIES, `Separation of duties: ${reason}`);
  }

  private async record(
    tx: Tx,
    actor: AuditActor,
    app: Application,
    action: string,
    ip: string | null | undefined,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.append(tx, {
      action,
      actor,
      areaCode: app.townshipCode,
      applicationId: app.id,
      detail: { number: app.number, ...detail },
      ip: ip ?? null,
    });
  }
}

/** The target status, or 409 INVALID_TRANSITION naming both statuses. */
function requireTransition(from: ApplicationStatus, transition: Transition): ApplicationStatus {
  const to = nextStatus(from, transition);
  if (to) return to;
  const intended = {
    [Transition.REVIEW_RECOMMEND_APPROVE]: ApplicationStatus.IN_PUBLIC_NOTICE,
    [Transition.REVIEW_RECOMMEND_REJECT]: ApplicationStatus.AWAITING_COUNTY_DECISION,
    [Transition.OBJECTION]: ApplicationStatus.VERIFIED,
    [Transition.DECIDE_APPROVE]: ApplicationStatus.APPROVED,
    [Transition.DECIDE_REJECT]: ApplicationStatus.REJECTED,
    [Transition.DECIDE_RETURN]: ApplicationStatus.VERIFIED,
  } as Partial<Record<Transition, ApplicationStatus>>;
  const target = intended[transition] ?? transition;
  return invalid(from, target);
}

function invalid(from: ApplicationStatus, to: string): never {
  throw new DomainError(ErrorCode.INVALID_TRANSITION, `Cannot move from ${from} to ${to}`, undefined, {
    from,
    to,
  });
}

function versionConflict(): DomainError {
  return new DomainError(
    ErrorCode.VERSION_CONFLICT,
    'The application was changed by someone else; reload and retry',
  );
}

function eventData(app: Application): Record<string, unknown> {
  return {
    applicationId: app.id,
    number: app.number,
    programme: app.programme,
    status: app.status,
    townshipCode: app.townshipCode,
    countyCode: app.countyCode,
  };
}

function noticeEndedData(
  app: Application,
  notice: PublicNotice,
  endedAt: Date,
  endReason: NoticeEndReason,
): Record<string, unknown> {
  return {
    ...eventData(app),
    startedAt: notice.startedAt.toISOString(),
    endsAt: notice.endsAt.toISOString(),
    endedAt: endedAt.toISOString(),
    endReason,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
