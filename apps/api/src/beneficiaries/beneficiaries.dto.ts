import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { BeneficiaryStatus, ReviewReason, ReviewResult, ReviewStatus } from '@app/beneficiaries';

// OpenAPI shapes of SPEC 11 (the console's client is generated from them). Bodies are validated by the services, which
// list every problem; queries by the global validation pipe.

const PROGRAMMES = ['DIBAO', 'EDGE', 'TEKUN'] as const;
const AREA_CODE = /^\d{6}(\d{3})?(\d{3})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// ---------------------------------------------------------------------------------------------- queries

export class ListBeneficiariesQuery {
  @ApiPropertyOptional({ enum: BeneficiaryStatus })
  @IsOptional()
  @IsEnum(BeneficiaryStatus)
  status?: BeneficiaryStatus;

  @ApiPropertyOptional({ enum: PROGRAMMES })
  @IsOptional()
  @IsIn(PROGRAMMES)
  programme?: string;

  @ApiPropertyOptional({ description: 'An area inside the caller’s scope (county or township code)' })
  @IsOptional()
  @Matches(AREA_CODE, { message: 'areaCode must be a 6-, 9- or 12-digit area code' })
  areaCode?: string;

  @ApiPropertyOptional({
    description: 'Households whose next review is due before this date',
    example: '2027-06-01',
  })
  @IsOptional()
  @Matches(DATE, { message: 'reviewDueBefore must be a date written YYYY-MM-DD' })
  reviewDueBefore?: string;

  @ApiPropertyOptional({ description: 'The number (of the enrolling application) or the applicant’s name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class ListReviewsQuery {
  @ApiPropertyOptional({ enum: ReviewStatus })
  @IsOptional()
  @IsEnum(ReviewStatus)
  status?: ReviewStatus;

  @ApiPropertyOptional({ description: 'An area inside the caller’s scope' })
  @IsOptional()
  @Matches(AREA_CODE, { message: 'areaCode must be a 6-, 9- or 12-digit area code' })
  areaCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class ListReviewBatchesQuery {
  @ApiPropertyOptional({ description: 'An area inside the caller’s scope' })
  @IsOptional()
  @Matches(AREA_CODE, { message: 'areaCode must be a 6-, 9- or 12-digit area code' })
  areaCode?: string;
}

// ---------------------------------------------------------------------------------------------- request bodies

export class OpenReviewDto {
  @ApiProperty({ enum: ReviewReason })
  reason!: ReviewReason;

  @ApiPropertyOptional({ description: '1–2000 characters', maxLength: 2000 })
  note?: string;
}

export class WithdrawBeneficiaryDto {
  @ApiProperty({ description: 'Why the family withdraws (1–500 characters)', maxLength: 500 })
  reason!: string;
}

export class InvestigationDto {
  @ApiProperty({ format: 'date', example: '2026-11-21' })
  visitedOn!: string;

  @ApiProperty({
    type: [String],
    description: 'At least two distinct people (入户调查)',
    example: ['李四', '王五'],
  })
  investigators!: string[];

  @ApiProperty({ maxLength: 2000 })
  findings!: string;
}

export class ReviewOpinionDto {
  @ApiProperty({ enum: ['AGREE', 'DISAGREE'], description: 'Agreement with the proposal' })
  opinion!: 'AGREE' | 'DISAGREE';

  @ApiProperty({ description: '1–2000 characters', maxLength: 2000 })
  comment!: string;

  @ApiPropertyOptional({ type: InvestigationDto, nullable: true })
  investigation?: InvestigationDto | null;
}

export class ReviewDecisionDto {
  @ApiProperty({
    enum: ['APPROVE', 'REJECT'],
    description: 'APPROVE applies the proposal; REJECT keeps the benefit',
  })
  decision!: 'APPROVE' | 'REJECT';

  @ApiPropertyOptional({
    description:
      'Required for a DECREASE, STOP or GRADUAL_EXIT, for REJECT, and with reviewCategory (Art. 32)',
    maxLength: 2000,
  })
  reason?: string;

  @ApiPropertyOptional({
    description: 'APPROVE only: the new amount in fen instead of the proposal’s',
    minimum: 0,
  })
  monthlyBenefitFen?: number;

  @ApiPropertyOptional({
    enum: ['YEARLY', 'HALF_YEARLY'],
    description: 'Sets the review category (with a reason)',
  })
  reviewCategory?: 'YEARLY' | 'HALF_YEARLY';
}

export class CreateReviewBatchDto {
  @ApiProperty({
    description: 'A city, county or township code inside the caller’s scope',
    example: '431102',
  })
  areaCode!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Only households due on or before this date' })
  dueOnOrBefore?: string;

  @ApiPropertyOptional({ enum: PROGRAMMES })
  programme?: string;
}

export class LifeEventDto {
  @ApiProperty({ enum: ['DEATH', 'EMPLOYMENT_STARTED', 'HUKOU_MOVED_OUT'] })
  type!: string;

  @ApiProperty({
    description: '18-character resident ID number (never echoed back)',
    example: '431102198001010012',
  })
  idNumber!: string;

  @ApiProperty({ format: 'date', example: '2026-11-20' })
  occurredOn!: string;

  @ApiProperty({
    description: 'The reporting system’s reference (1–128 characters)',
    example: 'GA-2026-000123',
  })
  sourceRef!: string;
}

// ---------------------------------------------------------------------------------------------- responses

export class MoneyIncomeDto {
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

export class DisabilityDto {
  @ApiProperty({ enum: ['PHYSICAL', 'VISUAL', 'HEARING', 'SPEECH', 'INTELLECTUAL', 'MENTAL', 'MULTIPLE'] })
  category!: string;

  @ApiProperty({ minimum: 1, maximum: 4 })
  grade!: number;
}

export class MemberAuthorizationDto {
  @ApiProperty({ format: 'date' }) signedAt!: string;
  @ApiProperty({ enum: ['SELF', 'GUARDIAN'] }) signer!: string;
  @ApiProperty() documentRef!: string;
}

export class BeneficiaryMemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '431102********0012' }) idNumberMasked!: string;
  @ApiProperty() relation!: string;
  @ApiProperty() age!: number;
  @ApiProperty({ enum: ['M', 'F'] }) sex!: string;
  @ApiProperty() counted!: boolean;
  @ApiProperty() coResident!: boolean;
  @ApiProperty({ type: String, nullable: true }) exclusion!: string | null;
  @ApiProperty({ type: DisabilityDto, nullable: true }) disability!: DisabilityDto | null;
  @ApiProperty() employment!: string;
  @ApiProperty({ type: MoneyIncomeDto }) declaredMonthlyIncome!: MoneyIncomeDto;
  @ApiProperty({ type: AssetsDto }) declaredAssets!: AssetsDto;
  @ApiProperty({ type: MemberAuthorizationDto, nullable: true })
  authorization!: MemberAuthorizationDto | null;
}

export class GradualExitDto {
  @ApiProperty({ example: '2027-01', description: 'First month of the exit (paid)' }) fromMonth!: string;
  @ApiProperty({ example: '2027-06', description: 'Last month of the exit (paid)' }) untilMonth!: string;
}

export class HistoryEntryDto {
  @ApiProperty({ format: 'date-time' }) at!: string;

  @ApiProperty({
    enum: ['ENROLLED', 'INCREASE', 'DECREASE', 'GRADUAL_EXIT', 'STOP', 'STOPPED', 'WITHDRAWN', 'CATEGORY'],
  })
  change!: string;

  @ApiProperty({ type: Number, nullable: true }) fromFen!: number | null;
  @ApiProperty({ type: Number, nullable: true }) toFen!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2027-01' }) effectiveMonth!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reviewId!: string | null;
}

export class BeneficiarySummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The number of the application that enrolled the household' }) number!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() applicantName!: string;
  @ApiProperty({ enum: PROGRAMMES }) programme!: string;
  @ApiProperty({ enum: BeneficiaryStatus }) status!: BeneficiaryStatus;
  @ApiProperty() townshipCode!: string;
  @ApiProperty() countyCode!: string;
  @ApiProperty({ description: 'Integer fen per month' }) monthlyBenefitFen!: number;
  @ApiProperty({ example: '2026-12' }) since!: string;
  @ApiProperty({ enum: ['YEARLY', 'HALF_YEARLY'] }) reviewCategory!: string;
  @ApiProperty({ format: 'date' }) nextReviewDueOn!: string;
  @ApiProperty() reviewOverdue!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastReviewedOn!: string | null;
  @ApiProperty({ type: GradualExitDto, nullable: true }) gradualExit!: GradualExitDto | null;
  @ApiProperty() version!: number;
}

export class BeneficiaryViewDto extends BeneficiarySummaryDto {
  @ApiProperty({ type: [BeneficiaryMemberDto] }) members!: BeneficiaryMemberDto[];
  @ApiProperty({ type: [HistoryEntryDto] }) history!: HistoryEntryDto[];
}

export class BeneficiaryPageDto {
  @ApiProperty({ type: [BeneficiarySummaryDto] }) items!: BeneficiarySummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ProposalDto {
  @ApiProperty({ enum: ['CONTINUE', 'INCREASE', 'DECREASE', 'GRADUAL_EXIT', 'STOP'] }) change!: string;
  @ApiProperty() fromFen!: number;
  @ApiProperty() toFen!: number;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiPropertyOptional({ description: 'GRADUAL_EXIT only' }) gradualExitMonths?: number;
}

export class DeltaEntryDto {
  @ApiProperty({ format: 'uuid' }) memberId!: string;

  @ApiProperty({
    enum: ['wageFen', 'transferFen', 'financialAssetsFen', 'vehicles', 'dwellings', 'activeEnterprises'],
  })
  category!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'The last accepted figure' }) previous!:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The new figure' }) current!: number | null;
  @ApiProperty() changed!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The source whose answer changed it' }) source!:
    string | null;
}

export class ReviewOpinionViewDto {
  @ApiProperty({ enum: ['AGREE', 'DISAGREE'] }) opinion!: string;
  @ApiProperty() comment!: string;
  @ApiProperty({ type: InvestigationDto, nullable: true }) investigation!: InvestigationDto | null;
  @ApiProperty({ description: 'User id ("system" for an automatic close)' }) reviewedBy!: string;
  @ApiProperty() reviewedByUsername!: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt!: string;
}

export class ReviewDecisionViewDto {
  @ApiProperty({ enum: ['APPROVE', 'REJECT'] }) decision!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: Number, nullable: true }) monthlyBenefitFen!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['YEARLY', 'HALF_YEARLY'] }) reviewCategory!:
    string | null;
  @ApiProperty({ enum: ['CONTINUE', 'INCREASE', 'DECREASE', 'GRADUAL_EXIT', 'STOP'] }) change!: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-01' }) effectiveMonth!: string | null;
  @ApiProperty() decidedBy!: string;
  @ApiProperty() decidedByUsername!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

export class ReviewDeadlinesDto {
  @ApiProperty({ format: 'date' }) reviewDueOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) decisionDueOn!: string | null;
  @ApiProperty() overdue!: boolean;
}

export class ReviewViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) beneficiaryId!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ enum: ReviewReason }) reason!: ReviewReason;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ enum: ReviewStatus }) status!: ReviewStatus;
  @ApiProperty({ enum: ReviewResult, nullable: true }) result!: ReviewResult | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) batchId!: string | null;
  @ApiProperty({ description: 'Username of who opened it ("system" for a batch)' }) openedBy!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The run view of SPEC 5.3 (runId, status, checks, report, recommendation); null in lists',
  })
  verification!: unknown;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'SPEC 6.4' })
  recommendation!: unknown;

  @ApiProperty({ type: ProposalDto, nullable: true }) proposal!: ProposalDto | null;
  @ApiProperty({ type: [DeltaEntryDto], nullable: true }) delta!: DeltaEntryDto[] | null;
  @ApiProperty({ type: ReviewOpinionViewDto, nullable: true }) townshipReview!: ReviewOpinionViewDto | null;
  @ApiProperty({ type: ReviewDecisionViewDto, nullable: true }) decision!: ReviewDecisionViewDto | null;
  @ApiProperty({ type: ReviewDeadlinesDto }) deadlines!: ReviewDeadlinesDto;
  @ApiProperty() version!: number;
}

export class ReviewPageDto {
  @ApiProperty({ type: [ReviewViewDto] }) items!: ReviewViewDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ReviewListDto {
  @ApiProperty({ type: [ReviewViewDto] }) items!: ReviewViewDto[];
}

export class ReviewBatchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() areaCode!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueOnOrBefore!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: PROGRAMMES }) programme!: string | null;
  @ApiProperty({ enum: ['RUNNING', 'COMPLETE'] }) status!: string;
  @ApiProperty({ description: 'Households in the batch' }) total!: number;
  @ApiProperty({ description: 'Not yet past verification' }) verifying!: number;
  @ApiProperty({ description: 'Closed as UNCHANGED' }) unchanged!: number;
  @ApiProperty({ description: 'Waiting for a township opinion or a county decision' })
  awaitingDecision!: number;
  @ApiProperty({ description: 'Closed with a result' }) closed!: number;
  @ApiProperty({ description: 'Ended without a result (cancelled)' }) failed!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
}

export class ReviewBatchListDto {
  @ApiProperty({ type: [ReviewBatchDto] }) items!: ReviewBatchDto[];
}

export class LifeEventAnswerDto {
  @ApiProperty({ description: 'false tells the caller nothing else' }) matched!: boolean;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'When matched' })
  reviewId?: string | null;
}
