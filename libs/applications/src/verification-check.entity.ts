import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { ApplicationMember } from './application-member.entity';
import { VerificationRun } from './verification-run.entity';

/** SPEC 5.3 check states. PENDING is the only state that is not final. */
export enum CheckStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  NO_RECORD = 'NO_RECORD',
  FAILED = 'FAILED',
  NOT_AUTHORIZED = 'NOT_AUTHORIZED',
  CANCELLED = 'CANCELLED',
}

/**
 * One source × one counted member of a run (SPEC 5.3). It lives with the run in the application aggregate: revoking
 * an authorisation or withdrawing cancels the run's pending checks in the same transaction.
 */
@Entity({ name: 'verification_checks' })
export class VerificationCheck {
  @ForeignKey(() => VerificationRun, { name: 'fk_verification_checks_run' })
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId!: string;

  /** A source code of SPEC 5.1 (`HUKOU`, `BANKING`, …). */
  @PrimaryColumn({ type: 'varchar', length: 24 })
  source!: string;

  @ForeignKey(() => ApplicationMember, { name: 'fk_verification_checks_member' })
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: CheckStatus;

  /** Calls made to the source for this check (retries included). */
  @Column({ type: 'smallint', default: 0 })
  attempts!: number;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** The last failure, as the connector described it (source, status, JSON path; never a value). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  error!: string | null;

  /** Sent in a batch by a worker until then (issue 12); null when no worker holds it. */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil?: Date | null;
}
