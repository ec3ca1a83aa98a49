import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Application, VerificationRun } from '@app/applications';
import { type Recommendation } from '@app/eligibility';
import { type VerificationReportBody } from '../report/verification-report.types';

/** The report (SPEC 5.4) and recommendation (SPEC 6.4) of one finished run; written once, with the run's end. */
@Entity({ name: 'verification_reports' })
@Index('idx_verification_reports_application', ['applicationId', 'createdAt'])
export class VerificationReport {
  @ForeignKey(() => VerificationRun, { name: 'fk_verification_reports_run' })
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @ForeignKey(() => Application, { name: 'fk_verification_reports_application' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  /** COMPLETE or INCOMPLETE. */
  @Column({ name: 'run_status', type: 'varchar', length: 16 })
  runStatus!: string;

  @Column({ type: 'jsonb' })
  report!: VerificationReportBody;

  @Column({ type: 'jsonb' })
  recommendation!: Recommendation;

  /** The policy_parameter_versions row the rules ran with (SPEC 6.1). */
  @Column({ name: 'policy_version', type: 'uuid' })
  policyVersion!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
