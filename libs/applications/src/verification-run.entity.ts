import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity';

export enum VerificationRunStatus {
  RUNNING = 'RUNNING',
  COMPLETE = 'COMPLETE',
  INCOMPLETE = 'INCOMPLETE',
  CANCELLED = 'CANCELLED',
}

/** One verification run per (re)verification of an application (SPEC 5.3). */
@Entity({ name: 'verification_runs' })
@Index('idx_verification_runs_application', ['applicationId'])
@Index('idx_verification_runs_running', ['startedAt'], { where: "status = 'RUNNING'" })
@Index('idx_verification_runs_owner', ['ownerKind', 'ownerId'])
@Check('chk_verification_runs_owner_kind', `owner_kind IN ('APPLICATION', 'REVIEW')`)
export class VerificationRun {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ForeignKey(() => Application, {
    name: 'fk_verification_runs_application',
    deferrable: 'INITIALLY DEFERRED',
  })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: VerificationRunStatus;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** Incremented each time the reconciler re-enqueues the run; its job ids carry it, so they are always new. */
  @Column({ type: 'integer', default: 0 })
  pass!: number;

  @Column({ name: 'reconciled_at', type: 'timestamptz', nullable: true })
  reconciledAt!: Date | null;

  /** Who waits for this run (issue 11): an application, or a beneficiary review (SPEC 11.2). */
  @Column({ name: 'owner_kind', type: 'varchar', length: 16, default: 'APPLICATION' })
  ownerKind?: 'APPLICATION' | 'REVIEW';

  /** The owner's id (the application's id for APPLICATION runs; null only on rows written before the column). */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId?: string | null;

  /** When the reconciler last started a new pass (null: the first pass, which began at `startedAt`). */
  @Column({ name: 'pass_started_at', type: 'timestamptz', nullable: true })
  passStartedAt?: Date | null;
}
