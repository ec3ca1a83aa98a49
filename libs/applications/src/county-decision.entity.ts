import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity';

export enum DecisionKind {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  RETURN = 'RETURN',
}

/** A county decision (审核确认, SPEC 4). RETURN sends the case back to VERIFIED; a later decision is a new row. */
@Entity({ name: 'county_decisions' })
@Index('idx_county_decisions_application', ['applicationId', 'decidedAt'])
@Index('idx_county_decisions_decided_at', ['decidedAt'])
export class CountyDecision {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ForeignKey(() => Application, { name: 'fk_county_decisions_application' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'varchar', length: 8 })
  decision!: DecisionKind;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason!: string | null;

  /** Set on APPROVE: the recommendation's amount, integer fen per month. */
  @Column({ name: 'monthly_benefit_fen', type: 'integer', nullable: true })
  monthlyBenefitFen!: number | null;

  /** Set on APPROVE: the month after the decision in China, `YYYY-MM`. */
  @Column({ name: 'effective_month', type: 'char', length: 7, nullable: true })
  effectiveMonth!: string | null;

  /** The recommendation's outcome when the decision was made. */
  @Column({ name: 'recommendation_outcome', type: 'varchar', length: 16 })
  recommendationOutcome!: string;

  /** APPROVE against a recommendation that was not ELIGIBLE. */
  @Column({ type: 'boolean' })
  override!: boolean;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy!: string;

  @Column({ name: 'decided_by_username', type: 'varchar', length: 64 })
  decidedByUsername!: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
