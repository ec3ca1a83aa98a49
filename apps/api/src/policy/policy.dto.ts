import { ApiProperty } from '@nestjs/swagger';
import { type EffectivePolicyView, type PolicyValues, type PolicyVersionView } from '@app/policy';

// OpenAPI shapes only: the request body is validated in full by PolicyService, which lists every problem at once.

export class PolicyValuesDto implements PolicyValues {
  @ApiProperty({ description: 'Monthly urban dibao standard per person, integer fen.', example: 65000 })
  dibaoStandardUrbanFen!: number;

  @ApiProperty({ description: 'Monthly rural dibao standard per person, integer fen.', example: 45000 })
  dibaoStandardRuralFen!: number;

  @ApiProperty({ description: 'Edge-family income line × standard; 1–10, ≤ 6 decimals.', example: 1.5 })
  edgeMultiplier!: number;

  @ApiProperty({ description: 'Tekun support × standard; 1–10, ≤ 6 decimals.', example: 1.3 })
  tekunMultiplier!: number;

  @ApiProperty({ description: 'DIBAO and TEKUN: financial assets ≤ months × standard × n.', example: 24 })
  financialAssetMonths!: number;

  @ApiProperty({ description: 'EDGE: financial assets ≤ months × standard × n.', example: 36 })
  edgeFinancialAssetMonths!: number;

  @ApiProperty({ example: 1 })
  maxDwellings!: number;

  @ApiProperty({ description: 'Enterprise registered capital limit, integer fen.', example: 20000000 })
  enterpriseCapitalLimitFen!: number;

  @ApiProperty({
    description: 'Declared/verified income discrepancy tolerance, integer fen.',
    example: 10000,
  })
  incomeToleranceFen!: number;

  @ApiProperty({ description: 'Discrepancy tolerance in percent; 0–100, ≤ 6 decimals.', example: 10 })
  incomeTolerancePct!: number;

  @ApiProperty({
    description:
      'SPEC 11.2: a review that recomputes the benefit by less than this (integer fen) leaves the amount as it is. ' +
      'Optional in a new version (seeded value 2000).',
    example: 2000,
    required: false,
  })
  reviewAdjustmentThresholdFen!: number;

  @ApiProperty({
    description:
      'SPEC 11.2: months of a gradual exit (渐退期), 1–6. Optional in a new version (seeded value 6).',
    example: 6,
    minimum: 1,
    maximum: 6,
    required: false,
  })
  gradualExitMonths!: number;
}

/** Body of `POST /api/v1/policy/parameters`: a new version, never an edit of an existing one. */
export class AddPolicyVersionDto {
  @ApiProperty({ description: 'A city or county code inside the administrator’s scope.', example: '431102' })
  areaCode!: string;

  @ApiProperty({ format: 'date', example: '2027-01-01' })
  effectiveFrom!: string;

  @ApiProperty({ type: PolicyValuesDto, description: 'All ten parameters of SPEC 6.1.' })
  values!: PolicyValuesDto;

  @ApiProperty({ minLength: 1, maxLength: 500, example: '永州市民政局 永民发〔2027〕1号' })
  legalBasis!: string;
}

export class EffectivePolicyDto implements EffectivePolicyView {
  @ApiProperty({
    description: 'The area whose version applies (a county’s over the city’s).',
    example: '431100',
  })
  areaCode!: string;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  effectiveFrom!: string;

  @ApiProperty()
  legalBasis!: string;

  @ApiProperty({ format: 'uuid', description: 'The version id, echoed as a recommendation’s policyVersion.' })
  version!: string;

  @ApiProperty({ type: PolicyValuesDto })
  values!: PolicyValuesDto;
}

export class PolicyVersionDto extends EffectivePolicyDto implements PolicyVersionView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** `GET /api/v1/policy/versions`: newest first. */
export class PolicyVersionListDto {
  @ApiProperty({ type: [PolicyVersionDto] })
  items!: PolicyVersionDto[];
}
