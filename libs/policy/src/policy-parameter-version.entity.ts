import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { Area } from '@app/areas';
import { type PolicyValues } from './policy-version-validation';

/**
 * One effective-dated version of an area's policy parameters (SPEC 6.1). Never edited in place: a change is a new
 * version with its legal basis, and the table refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity({ name: 'policy_parameter_versions' })
@Unique('uq_policy_parameter_versions_area_effective_from', ['areaCode', 'effectiveFrom'])
export class PolicyParameterVersion {
  /** Echoed as the recommendation's `policyVersion`. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ForeignKey(() => Area, { name: 'fk_policy_parameter_versions_area' })
  @Column({ name: 'area_code', type: 'varchar', length: 12 })
  areaCode!: string;

  /** YYYY-MM-DD, a calendar date in China. */
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'jsonb' })
  values!: PolicyValues;

  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis!: string;

  /** The administrator who added the version; null for the seeded demonstration set. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
