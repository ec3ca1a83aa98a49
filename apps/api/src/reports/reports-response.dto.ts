import { ApiProperty } from '@nestjs/swagger';
import type { TownshipWorkload, WorkloadReport } from '@app/reports';

// OpenAPI shapes of `GET /api/v1/reports/workload` (SPEC 9); the service's plain objects are returned as they are.

/** Open cases per non-terminal status; every status is present, zeros included. */
export class OpenByStatusDto implements Record<string, number> {
  [status: string]: number;

  @ApiProperty({ example: 1 })
  AWAITING_AUTHORIZATION!: number;

  @ApiProperty({ example: 2 })
  VERIFYING!: number;

  @ApiProperty({ example: 3 })
  VERIFIED!: number;

  @ApiProperty({ example: 1 })
  IN_PUBLIC_NOTICE!: number;

  @ApiProperty({ example: 4 })
  AWAITING_COUNTY_DECISION!: number;
}

/** SPEC 11.1: beneficiary households per status; every status is present, zeros included. */
export class BeneficiariesByStatusDto implements Record<string, number> {
  [status: string]: number;

  @ApiProperty({ example: 12 })
  ACTIVE!: number;

  @ApiProperty({ example: 1 })
  UNDER_REVIEW!: number;

  @ApiProperty({ example: 0 })
  GRADUAL_EXIT!: number;

  @ApiProperty({ example: 2 })
  STOPPED!: number;
}

/** SPEC 11.4: open reviews, and of those the ones past a deadline. */
export class ReviewCountsDto {
  @ApiProperty({ example: 1 })
  open!: number;

  @ApiProperty({ example: 0 })
  overdue!: number;
}

export class StationStaffDto {
  @ApiProperty({ description: 'Users of the township with STATION_OPERATOR.', example: 1 })
  stationOperators!: number;

  @ApiProperty({ description: 'Users of the township with TOWNSHIP_REVIEWER.', example: 1 })
  townshipReviewers!: number;

  @ApiProperty({ description: 'Users with either role (one person may hold both).', example: 2 })
  total!: number;
}

export class TownshipWorkloadDto implements TownshipWorkload {
  @ApiProperty({ example: '431102001' })
  townshipCode!: string;

  @ApiProperty({ example: '朝阳街道' })
  name!: string;

  @ApiProperty({ type: OpenByStatusDto })
  open!: OpenByStatusDto;

  @ApiProperty({ example: 11 })
  openTotal!: number;

  @ApiProperty({ description: 'Final decisions (APPROVE or REJECT) in the last 30 days.', example: 5 })
  decidedLast30Days!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median calendar days from creation to final decision (one decimal); null when none.',
    example: 21.5,
  })
  medianDaysToDecision!: number | null;

  @ApiProperty({ description: 'Open cases past a deadline of SPEC 4.', example: 0 })
  overdue!: number;

  @ApiProperty({ type: StationStaffDto })
  staff!: StationStaffDto;

  @ApiProperty({ description: 'No station operator: the station cannot take applications.' })
  understaffed!: boolean;

  @ApiProperty({ type: BeneficiariesByStatusDto })
  beneficiaries!: BeneficiariesByStatusDto;

  @ApiProperty({ type: ReviewCountsDto })
  reviews!: ReviewCountsDto;
}

export class WorkloadTotalsDto {
  @ApiProperty({ type: OpenByStatusDto })
  open!: OpenByStatusDto;

  @ApiProperty()
  openTotal!: number;

  @ApiProperty()
  decidedLast30Days!: number;

  @ApiProperty({ type: Number, nullable: true })
  medianDaysToDecision!: number | null;

  @ApiProperty()
  overdue!: number;

  @ApiProperty({ description: 'Station staff (operators and reviewers) in the area.' })
  staff!: number;

  @ApiProperty({ type: BeneficiariesByStatusDto })
  beneficiaries!: BeneficiariesByStatusDto;

  @ApiProperty({ type: ReviewCountsDto })
  reviews!: ReviewCountsDto;
}

export class WorkloadReportDto implements WorkloadReport {
  @ApiProperty({ example: '431102' })
  areaCode!: string;

  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ example: 30 })
  windowDays!: number;

  @ApiProperty({ type: [TownshipWorkloadDto] })
  townships!: TownshipWorkloadDto[];

  @ApiProperty({ type: WorkloadTotalsDto })
  totals!: WorkloadTotalsDto;
}
