import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Area } from '@app/areas';
import { ApplicationStatus } from './application-status';
import { Programme, Residence } from './application.enums';

@Entity({ name: 'applications' })
@Index('idx_applications_township_created', ['townshipCode', 'createdAt'])
@Index('idx_applications_status', ['status'])
export class Application {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('uq_applications_number', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  number!: string;

  @Column({ type: 'varchar', length: 8 })
  programme!: Programme;

  @Column({ type: 'varchar', length: 32 })
  status!: ApplicationStatus;

  @ForeignKey(() => Area, { name: 'fk_applications_township' })
  @Column({ name: 'township_code', type: 'varchar', length: 12 })
  townshipCode!: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6 })
  countyCode!: string;

  @Column({ type: 'varchar', length: 8 })
  residence!: Residence;

  @Column({ type: 'varchar', length: 200 })
  address!: string;

  /** The applicant's (SELF member's) name, for the `q` search. */
  @Column({ name: 'applicant_name', type: 'varchar', length: 50 })
  applicantName!: string;

  @Column({ name: 'has_able_supporter', type: 'boolean' })
  hasAbleSupporter!: boolean;

  @Column({ name: 'staff_relative', type: 'boolean' })
  staffRelative!: boolean;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  /** The creation date in China (ages and policy dates are taken on it). */
  @Column({ name: 'created_on', type: 'date' })
  createdOn!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'current_run_id', type: 'uuid', nullable: true })
  currentRunId!: string | null;

  /** The latest completed run's recommendation (SPEC 3.3 `recommendation`); null until one exists. */
  @Column({ name: 'recommendation_outcome', type: 'varchar', length: 16, nullable: true })
  recommendationOutcome!: string | null;

  @Column({ name: 'recommendation_benefit_fen', type: 'integer', nullable: true })
  recommendationBenefitFen!: number | null;
}
