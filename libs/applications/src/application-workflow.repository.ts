import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import type { Tx } from '@app/database';
import { CountyDecision } from './county-decision.entity';
import { NoticeEndReason, PublicNotice, PublicNoticeObjection } from './public-notice.entity';
import { ReviewOpinion, TownshipReview } from './township-review.entity';

/** The workflow parts of an application the view and the deadlines need. */
export interface WorkflowState {
  review: TownshipReview | null;
  notice: PublicNotice | null;
  objections: PublicNoticeObjection[];
  decision: CountyDecision | null;
  /** Every notice, for the working days they take off the decision clock. */
  notices: PublicNotice[];
  /** When the case last reached AWAITING_COUNTY_DECISION (a RECOMMEND_REJECT review or an expired notice). */
  awaitingCountySince: Date | null;
}

/** Persistence of the workflow rows of the application aggregate (SPEC 4): reviews, notices, objections, decisions. */
@Injectable()
export class ApplicationWorkflowRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertReview(tx: Tx, review: TownshipReview): Promise<void> {
    await tx.createQueryBuilder().insert().into(TownshipReview).values(review).execute();
  }

  async insertNotice(tx: Tx, notice: PublicNotice): Promise<void> {
    await tx.createQueryBuilder().insert().into(PublicNotice).values(notice).execute();
  }

  async insertObjection(tx: Tx, objection: PublicNoticeObjection): Promise<void> {
    await tx.createQueryBuilder().insert().into(PublicNoticeObjection).values(objection).execute();
  }

  async insertDecision(tx: Tx, decision: CountyDecision): Promise<void> {
    await tx.createQueryBuilder().insert().into(CountyDecision).values(decision).execute();
  }

  /** The notice still running for an application (at most one, by a unique index), if any. */
  runningNotice(applicationId: string, tx?: Tx): Promise<PublicNotice | null> {
    return (tx ?? this.dataSource.manager).findOneBy(PublicNotice, { applicationId, endedAt: IsNull() });
  }

  /** Ends a running notice; false when it had already ended (another worker got there first). */
  async closeNotice(tx: Tx, noticeId: string, endedAt: Date, reason: NoticeEndReason): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(PublicNotice)
      .set({ endedAt, endReason: reason })
      .where('id = :noticeId AND ended_at IS NULL', { noticeId })
      .execute();
    return result.affected === 1;
  }

  /** A decided case is no longer open: its persons may be members of a new application. */
  async releasePersons(tx: Tx, applicationId: string): Promise<void> {
    await tx.query(`DELETE FROM open_application_persons WHERE application_id = $1`, [applicationId]);
  }

  /** Applications whose running notice is due by `now`, oldest end first. */
  async dueNoticeApplicationIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource.getRepository(PublicNotice).find({
      select: { applicationId: true },
      where: { endedAt: IsNull(), endsAt: LessThanOrEqual(now) },
      order: { endsAt: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.applicationId);
  }

  latestReview(applicationId: string, tx?: Tx): Promise<TownshipReview | null> {
    return (tx ?? this.dataSource.manager).findOne(TownshipReview, {
      where: { applicationId },
      order: { reviewedAt: 'DESC' },
    });
  }

  /** Everyone who wrote a township review of the application. */
  async reviewerIds(applicationId: string, tx?: Tx): Promise<string[]> {
    const rows = await (tx ?? this.dataSource.manager).find(TownshipReview, {
      select: { reviewedBy: true },
      where: { applicationId },
    });
    return [...new Set(rows.map((r) => r.reviewedBy))];
  }

  async state(applicationId: string, tx?: Tx): Promise<WorkflowState> {
    const manager = tx ?? this.dataSource.manager;
    // One after another: inside a transaction they share one connection, which runs a query at a time.
    const reviews = await manager.find(TownshipReview, {
      where: { applicationId },
      order: { reviewedAt: 'ASC' },
    });
    const notices = await manager.find(PublicNotice, {
      where: { applicationId },
      order: { startedAt: 'ASC' },
    });
    const decision = await manager.findOne(CountyDecision, {
      where: { applicationId },
      order: { decidedAt: 'DESC' },
    });
    const notice = notices.at(-1) ?? null;
    const objections = notice
      ? await manager.find(PublicNoticeObjection, {
          where: { noticeId: notice.id },
          order: { recordedAt: 'ASC' },
        })
      : [];
    const arrivals = [
      ...reviews.filter((r) => r.opinion === ReviewOpinion.RECOMMEND_REJECT).map((r) => r.reviewedAt),
      ...notices.filter((n) => n.endReason === NoticeEndReason.EXPIRED && n.endedAt).map((n) => n.endedAt!),
    ];
    const awaitingCountySince = arrivals.length
      ? new Date(Math.max(...arrivals.map((d) => d.getTime())))
      : null;
    return { review: reviews.at(-1) ?? null, notice, objections, decision, notices, awaitingCountySince };
  }
}
