import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity';
import { TownshipReview } from './township-review.entity';

/** Why a notice ended: its period ran out, an objection returned the case, or the case left the workflow. */
export enum NoticeEndReason {
  EXPIRED = 'EXPIRED',
  OBJECTION = 'OBJECTION',
  CANCELLED = 'CANCELLED',
}

/** A public notice (公示, SPEC 4), started by a RECOMMEND_APPROVE review. */
@Entity({ name: 'public_notices' })
@Index('idx_public_notices_application', ['applicationId', 'startedAt'])
@Index('uq_public_notices_running', ['applicationId'], { unique: true, where: 'ended_at IS NULL' })
@Index('idx_public_notices_due', ['endsAt'], { where: 'ended_at IS NULL' })
export class PublicNotice {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ForeignKey(() => Application, { name: 'fk_public_notices_application' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ForeignKey(() => TownshipReview, { name: 'fk_public_notices_review' })
  @Column({ name: 'review_id', type: 'uuid' })
  reviewId!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 16, nullable: true })
  endReason!: NoticeEndReason | null;
}

/** An objection (异议) received while a notice runs. */
@Entity({ name: 'public_notice_objections' })
@Index('idx_public_notice_objections_notice', ['noticeId'])
export class PublicNoticeObjection {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ForeignKey(() => PublicNotice, { name: 'fk_public_notice_objections_notice' })
  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ type: 'varchar', length: 2000 })
  summary!: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @Column({ name: 'recorded_by_username', type: 'varchar', length: 64 })
  recordedByUsername!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
