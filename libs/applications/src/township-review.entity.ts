import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity';

export enum ReviewOpinion {
  RECOMMEND_APPROVE = 'RECOMMEND_APPROVE',
  RECOMMEND_REJECT = 'RECOMMEND_REJECT',
}

/** The home investigation (入户调查) behind a township review: two or more people visit the household. */
export interface Investigation {
  visitedOn: string;
  investigators: string[];
  findings: string;
}

/** A township review (初审, SPEC 4). A new review after an objection or a RETURN is a new row. */
@Entity({ name: 'township_reviews' })
@Index('idx_township_reviews_application', ['applicationId', 'reviewedAt'])
export class TownshipReview {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ForeignKey(() => Application, { name: 'fk_township_reviews_application' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'varchar', length: 20 })
  opinion!: ReviewOpinion;

  @Column({ type: 'varchar', length: 2000 })
  comment!: string;

  @Column({ type: 'jsonb', nullable: true })
  investigation!: Investigation | null;

  @Column({ name: 'reviewed_by', type: 'uuid' })
  reviewedBy!: string;

  @Column({ name: 'reviewed_by_username', type: 'varchar', length: 64 })
  reviewedByUsername!: string;

  @Column({ name: 'reviewed_at', type: 'timestamptz' })
  reviewedAt!: Date;
}
