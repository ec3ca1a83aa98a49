import { Injectable } from '@nestjs/common';
import { CalendarService } from '@app/calendar';
import type { Tx } from '@app/database';
import { DecisionRecordsService, type StoredRecommendation } from '@app/decisions';
import type { ApplicationMember } from './application-member.entity';
import { toApplicationView, type ApplicationView, type WorkflowViewParts } from './application-view';
import type { Application } from './application.entity';
import { ApplicationRepository } from './application.repository';
import { ApplicationWorkflowRepository, type WorkflowState } from './application-workflow.repository';
import { computeDeadlines } from './deadlines';

const NO_WORKFLOW: WorkflowState = {
  review: null,
  notice: null,
  objections: [],
  decision: null,
  notices: [],
  awaitingCountySince: null,
};

/** Assembles the SPEC 3.3 view: members, current recommendation, review, notice, decision and deadlines. */
@Injectable()
export class ApplicationViewService {
  constructor(
    private readonly repository: ApplicationRepository,
    private readonly workflow: ApplicationWorkflowRepository,
    private readonly decisions: DecisionRecordsService,
    private readonly calendar: CalendarService,
  ) {}

  async build(app: Application, tx?: Tx, members?: ApplicationMember[]): Promise<ApplicationView> {
    // One after another: inside a transaction they share one connection, which runs a query at a time.
    const loadedMembers = members ?? (await this.repository.findMembers(app.id, tx));
    const state = await this.workflow.state(app.id, tx);
    const recommendation = app.currentRunId
      ? await this.decisions.recommendationOfRun(app.currentRunId, tx)
      : null;
    return this.assemble(app, loadedMembers, state, recommendation);
  }

  /** The view of an application created a moment ago: no review, notice, decision or recommendation yet, no query. */
  buildNew(app: Application, members: ApplicationMember[]): ApplicationView {
    return this.assemble(app, members, NO_WORKFLOW, null);
  }

  private assemble(
    app: Application,
    loadedMembers: ApplicationMember[],
    state: WorkflowState,
    recommendation: StoredRecommendation | null,
  ): ApplicationView {
    const deadlines = computeDeadlines(
      {
        status: app.status,
        createdOn: app.createdOn,
        notices: state.notices,
        awaitingCountySince: state.awaitingCountySince,
      },
      this.calendar.current(),
    );
    return toApplicationView(app, loadedMembers, deadlines, {
      ...workflowParts(state),
      recommendation: recommendation
        ? { outcome: recommendation.outcome, monthlyBenefitFen: recommendation.monthlyBenefitFen }
        : null,
    });
  }
}

function workflowParts(state: WorkflowState): Omit<WorkflowViewParts, 'recommendation'> {
  const { review, notice, objections, decision } = state;
  return {
    townshipReview: review && {
      opinion: review.opinion,
      comment: review.comment,
      investigation: review.investigation,
      reviewedBy: review.reviewedByUsername,
      reviewedAt: review.reviewedAt.toISOString(),
    },
    publicNotice: notice && {
      startedAt: notice.startedAt.toISOString(),
      endsAt: notice.endsAt.toISOString(),
      endedAt: notice.endedAt?.toISOString() ?? null,
      endReason: notice.endReason,
      objections: objections.map((o) => ({
        receivedOn: o.receivedOn,
        summary: o.summary,
        recordedBy: o.recordedByUsername,
        recordedAt: o.recordedAt.toISOString(),
      })),
    },
    decision: decision && {
      decision: decision.decision,
      reason: decision.reason,
      monthlyBenefitFen: decision.monthlyBenefitFen,
      effectiveMonth: decision.effectiveMonth,
      decidedBy: decision.decidedByUsername,
      decidedAt: decision.decidedAt.toISOString(),
    },
  };
}
