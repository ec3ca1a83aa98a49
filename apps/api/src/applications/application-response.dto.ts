import { ApiProperty } from '@nestjs/swagger';
import { AuditEntryDto } from '../audit/audit-response.dto';

// OpenAPI shapes of the application responses (SPEC 3.3); the services' plain objects are returned as they are. The
// console's generated types (apps/console/src/api/schema.d.ts) come from these.

const STATUSES = [
  'AWAITING_AUTHORIZATION',
  'VERIFYING',
  'VERIFIED',
  'IN_PUBLIC_NOTICE',
  'AWAITING_COUNTY_DECISION',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
];
const PROGRAMMES = ['DIBAO', 'EDGE', 'TEKUN'];

export class MonthlyIncomeDto {
  @ApiProperty() wageFen!: number;
  @ApiProperty() businessFen!: number;
  @ApiProperty() propertyFen!: number;
  @ApiProperty() transferFen!: number;
  @ApiProperty() excludedFen!: number;
}

export class AssetsDto {
  @ApiProperty() depositsFen!: number;
  @ApiProperty() securitiesFen!: number;
  @ApiProperty() vehicles!: number;
  @ApiProperty() dwellings!: number;
}

export class DisabilityViewDto {
  @ApiProperty({ enum: ['PHYSICAL', 'VISUAL', 'HEARING', 'SPEECH', 'INTELLECTUAL', 'MENTAL', 'MULTIPLE'] })
  category!: string;
  @ApiProperty({ minimum: 1, maximum: 4 }) grade!: number;
}

export class AuthorizationViewDto {
  @ApiProperty({ format: 'date' }) signedAt!: string;
  @ApiProperty({ enum: ['SELF', 'GUARDIAN'] }) signer!: string;
  @ApiProperty() documentRef!: string;
}

export class MemberViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '431102********0012' }) idNumberMasked!: string;
  @ApiProperty({
    enum: ['SELF', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDPARENT', 'GRANDCHILD', 'SIBLING', 'OTHER'],
  })
  relation!: string;
  @ApiProperty() age!: number;
  @ApiProperty({ enum: ['M', 'F'] }) sex!: 'M' | 'F';
  @ApiProperty() counted!: boolean;
  @ApiProperty() coResident!: boolean;
  @ApiProperty({ type: String, nullable: true, enum: ['PRISON', 'DRUG_REHAB', 'MISSING', 'RELIGIOUS_3Y'] })
  exclusion!: string | null;
  @ApiProperty({ type: DisabilityViewDto, nullable: true }) disability!: DisabilityViewDto | null;
  @ApiProperty({ enum: ['EMPLOYED', 'FLEXIBLE', 'UNEMPLOYED', 'RETIRED', 'STUDENT', 'NONE'] })
  employment!: string;
  @ApiProperty({ type: MonthlyIncomeDto }) declaredMonthlyIncome!: MonthlyIncomeDto;
  @ApiProperty({ type: AssetsDto }) declaredAssets!: AssetsDto;
  @ApiProperty({ type: AuthorizationViewDto, nullable: true }) authorization!: AuthorizationViewDto | null;
}

export class RecommendationSummaryDto {
  @ApiProperty({ enum: ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW'] }) outcome!: string;
  @ApiProperty() monthlyBenefitFen!: number;
}

export class InvestigationViewDto {
  @ApiProperty({ format: 'date' }) visitedOn!: string;
  @ApiProperty({ type: [String] }) investigators!: string[];
  @ApiProperty() findings!: string;
}

export class TownshipReviewViewDto {
  @ApiProperty({ enum: ['RECOMMEND_APPROVE', 'RECOMMEND_REJECT'] }) opinion!: string;
  @ApiProperty() comment!: string;
  @ApiProperty({ type: InvestigationViewDto, nullable: true }) investigation!: InvestigationViewDto | null;
  @ApiProperty({ description: 'Username of the reviewer.' }) reviewedBy!: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt!: string;
}

export class ObjectionViewDto {
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class PublicNoticeViewDto {
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['EXPIRED', 'OBJECTION', 'CANCELLED'] })
  endReason!: string | null;
  @ApiProperty({ type: [ObjectionViewDto] }) objections!: ObjectionViewDto[];
}

export class DecisionViewDto {
  @ApiProperty({ enum: ['APPROVE', 'REJECT', 'RETURN'] }) decision!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: Number, nullable: true }) monthlyBenefitFen!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12' }) effectiveMonth!: string | null;
  @ApiProperty() decidedBy!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

export class DeadlinesDto {
  @ApiProperty({ format: 'date' }) decisionDueOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) countyDecisionDueOn!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({
    description:
      'A deadline was counted across a year with no working-day calendar, on weekends alone (SPEC 4).',
  })
  calendarMissing!: boolean;
}

export class ApplicationViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '431102001-2026-000042' }) number!: string;
  @ApiProperty({ enum: PROGRAMMES }) programme!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty() townshipCode!: string;
  @ApiProperty() countyCode!: string;
  @ApiProperty({ enum: ['URBAN', 'RURAL'] }) residence!: string;
  @ApiProperty() address!: string;
  @ApiProperty() hasAbleSupporter!: boolean;
  @ApiProperty() staffRelative!: boolean;
  @ApiProperty({ type: [MemberViewDto] }) members!: MemberViewDto[];
  @ApiProperty({ type: RecommendationSummaryDto, nullable: true })
  recommendation!: RecommendationSummaryDto | null;
  @ApiProperty({ type: TownshipReviewViewDto, nullable: true }) townshipReview!: TownshipReviewViewDto | null;
  @ApiProperty({ type: PublicNoticeViewDto, nullable: true }) publicNotice!: PublicNoticeViewDto | null;
  @ApiProperty({ type: DecisionViewDto, nullable: true }) decision!: DecisionViewDto | null;
  @ApiProperty({ type: DeadlinesDto }) deadlines!: DeadlinesDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class ApplicationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ enum: PROGRAMMES }) programme!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty() townshipCode!: string;
  @ApiProperty() countyCode!: string;
  @ApiProperty() applicantName!: string;
  @ApiProperty({ description: 'Number of members.' }) members!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationSummaryDto] }) items!: ApplicationSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class AuditTrailDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
}
