import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// OpenAPI shapes of the verification run view (SPEC 5.3), its report (5.4) and recommendation (6.3, 6.4).

const SOURCES = [
  'HUKOU',
  'VEHICLE',
  'SOCIAL_SECURITY',
  'REAL_ESTATE',
  'MARKET_REGULATION',
  'TAX',
  'HOUSING_FUND',
  'BANKING',
  'CIVIL_AFFAIRS',
  'DISABILITY',
  'PUBLIC_PAYROLL',
];
const CHECK_STATES = ['PENDING', 'SUCCEEDED', 'NO_RECORD', 'FAILED', 'NOT_AUTHORIZED', 'CANCELLED'];

export class CheckViewDto {
  @ApiProperty({ enum: SOURCES }) source!: string;
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ enum: CHECK_STATES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export class IncomeBreakdownDto {
  @ApiProperty() wageFen!: number;
  @ApiProperty() businessFen!: number;
  @ApiProperty() propertyFen!: number;
  @ApiProperty() transferFen!: number;
  @ApiProperty() totalFen!: number;
}

export class VerifiedIncomeDto {
  @ApiProperty() wageFen!: number;
  @ApiProperty({ type: String, nullable: true, enum: ['SOCIAL_SECURITY', 'HOUSING_FUND', 'TAX'] })
  wageSource!: string | null;
  @ApiProperty() transferFen!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Always null: no source reports business income.',
  })
  businessFen!: null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Always null: no source reports property income.',
  })
  propertyFen!: null;
}

export class DeclaredAssetsReportDto {
  @ApiProperty() depositsFen!: number;
  @ApiProperty() securitiesFen!: number;
  @ApiProperty() financialAssetsFen!: number;
  @ApiProperty() vehicles!: number;
  @ApiProperty() dwellings!: number;
}

export class VerifiedAssetsReportDto {
  @ApiProperty() depositsFen!: number;
  @ApiProperty() securitiesFen!: number;
  @ApiProperty() wealthProductsFen!: number;
  @ApiProperty() financialAssetsFen!: number;
  @ApiProperty() vehicles!: number;
  @ApiProperty() dwellings!: number;
  @ApiProperty() activeEnterprises!: number;
}

export class MemberDeclaredDto {
  @ApiProperty({ type: IncomeBreakdownDto }) income!: IncomeBreakdownDto;
  @ApiProperty() excludedIncomeFen!: number;
  @ApiProperty({ type: DeclaredAssetsReportDto }) assets!: DeclaredAssetsReportDto;
}

export class MemberVerifiedDto {
  @ApiProperty({ type: VerifiedIncomeDto }) income!: VerifiedIncomeDto;
  @ApiProperty({ type: VerifiedAssetsReportDto }) assets!: VerifiedAssetsReportDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: CHECK_STATES },
    description: 'How each source’s check of this member ended, by source code.',
  })
  checks!: Record<string, string>;
}

export class MemberAssessedDto {
  @ApiProperty({ type: IncomeBreakdownDto }) income!: IncomeBreakdownDto;
  @ApiProperty() financialAssetsFen!: number;
}

export class MemberReportDto {
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty() relation!: string;
  @ApiProperty({ type: MemberDeclaredDto }) declared!: MemberDeclaredDto;
  @ApiProperty({ type: MemberVerifiedDto }) verified!: MemberVerifiedDto;
  @ApiProperty({ type: MemberAssessedDto }) assessed!: MemberAssessedDto;
}

export class NotCountedDto {
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ enum: ['NOT_CO_RESIDENT', 'PRISON', 'DRUG_REHAB', 'MISSING', 'RELIGIOUS_3Y', 'DECEASED'] })
  reason!: string;
}

export class UnverifiedMemberDto {
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ enum: ['NOT_AUTHORIZED'] }) reason!: string;
}

export class HouseholdReportDto {
  @ApiProperty() countedMembers!: number;
  @ApiProperty() assessedMonthlyIncomeFen!: number;
  @ApiProperty() perCapitaMonthlyIncomeFen!: number;
  @ApiProperty() financialAssetsFen!: number;
  @ApiProperty() vehicles!: number;
  @ApiProperty() dwellings!: number;
  @ApiProperty() activeEnterprises!: number;
  @ApiProperty() standardFen!: number;
}

export class DiscrepancyDto {
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({
    enum: [
      'UNDECLARED_WAGE',
      'UNDECLARED_PENSION',
      'UNDECLARED_VEHICLE',
      'UNDECLARED_PROPERTY',
      'UNDECLARED_DEPOSITS',
      'UNDECLARED_BUSINESS',
      'MEMBER_DECEASED',
      'PUBLIC_PAYROLL',
      'ALREADY_ASSISTED',
      'PERSON_NOT_FOUND',
    ],
  })
  code!: string;
  @ApiProperty({ enum: SOURCES }) source!: string;
  @ApiPropertyOptional() declaredFen?: number;
  @ApiPropertyOptional() foundFen?: number;
  @ApiProperty() detail!: string;
}

export class VerificationReportDto {
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ enum: ['DIBAO', 'EDGE', 'TEKUN'] }) programme!: string;
  @ApiProperty({ enum: ['URBAN', 'RURAL'] }) residence!: string;
  @ApiProperty({ enum: ['COMPLETE', 'INCOMPLETE'] }) runStatus!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty() policyVersion!: string;
  @ApiProperty({ type: [MemberReportDto] }) members!: MemberReportDto[];
  @ApiProperty({ type: [NotCountedDto] }) notCounted!: NotCountedDto[];
  @ApiProperty({ type: HouseholdReportDto }) household!: HouseholdReportDto;
  @ApiProperty({ type: [DiscrepancyDto] }) discrepancies!: DiscrepancyDto[];
  @ApiProperty({ type: [String], enum: SOURCES }) missingSources!: string[];
  @ApiProperty({ type: [UnverifiedMemberDto] }) unverifiedMembers!: UnverifiedMemberDto[];
}

export class RuleTraceDto {
  @ApiProperty({
    enum: [
      'INCOME',
      'FINANCIAL_ASSETS',
      'VEHICLES',
      'DWELLINGS',
      'ENTERPRISE',
      'PUBLIC_PAYROLL',
      'ALREADY_ASSISTED',
      'NO_LABOUR_CAPACITY',
      'NO_ABLE_SUPPORTER',
      'DATA_COMPLETE',
    ],
  })
  id!: string;
  @ApiProperty({ enum: ['PASS', 'FAIL', 'REVIEW'] }) result!: string;
  @ApiProperty({ description: 'The figures the rule used.' }) detail!: string;
  @ApiProperty() legalBasis!: string;
}

export class RecommendationAssessmentDto {
  @ApiProperty() n!: number;
  @ApiProperty() householdIncomeFen!: number;
  @ApiProperty() perCapitaFen!: number;
  @ApiProperty() standardFen!: number;
  @ApiProperty() financialAssetsFen!: number;
  @ApiProperty() vehicles!: number;
  @ApiProperty() dwellings!: number;
}

export class RecommendationDto {
  @ApiProperty({ enum: ['DIBAO', 'EDGE', 'TEKUN'] }) programme!: string;
  @ApiProperty({ enum: ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW'] }) outcome!: string;
  @ApiProperty() monthlyBenefitFen!: number;
  @ApiPropertyOptional({
    description: 'The formula’s amount even when the outcome is not ELIGIBLE (SPEC 6.4).',
  })
  computedBenefitFen?: number;
  @ApiProperty({ type: String, nullable: true, enum: ['DIBAO', 'EDGE'] }) alternativeProgramme!:
    string | null;
  @ApiProperty({ type: [RuleTraceDto] }) rules!: RuleTraceDto[];
  @ApiProperty({ type: RecommendationAssessmentDto }) assessment!: RecommendationAssessmentDto;
  @ApiProperty() policyVersion!: string;
}

export class VerificationRunViewDto {
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty({ enum: ['RUNNING', 'COMPLETE', 'INCOMPLETE', 'CANCELLED'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: [CheckViewDto] }) checks!: CheckViewDto[];
  @ApiProperty({ type: VerificationReportDto, nullable: true }) report!: VerificationReportDto | null;
  @ApiProperty({ type: RecommendationDto, nullable: true }) recommendation!: RecommendationDto | null;
}
