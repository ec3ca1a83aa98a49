import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DecisionKind } from '../county-decision.entity';
import { ReviewOpinion } from '../township-review.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NOT_BLANK = /\S/;

export class InvestigationDto {
  @ApiProperty({ example: '2026-11-21', description: 'Date of the home visit (入户调查), not in the future' })
  @IsString()
  @Matches(DATE, { message: 'visitedOn must be a date written YYYY-MM-DD' })
  visitedOn!: string;

  @ApiProperty({
    type: [String],
    example: ['李四', '王五'],
    description: 'At least two distinct people (入户调查 needs two)',
  })
  @IsArray()
  @ArrayMinSize(2, { message: 'investigators must list at least two people' })
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 50, { each: true, message: 'each investigator is 1–50 characters' })
  @Matches(NOT_BLANK, { each: true, message: 'an investigator must not be blank' })
  investigators!: string[];

  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @Matches(NOT_BLANK, { message: 'findings must not be blank' })
  findings!: string;
}

/** `POST …/township-review` (SPEC 4). */
export class TownshipReviewDto {
  @ApiProperty({ enum: ReviewOpinion })
  @IsEnum(ReviewOpinion, { message: 'opinion must be RECOMMEND_APPROVE or RECOMMEND_REJECT' })
  opinion!: ReviewOpinion;

  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @Matches(NOT_BLANK, { message: 'comment must not be blank' })
  comment!: string;

  @ApiPropertyOptional({ type: InvestigationDto, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @ValidateNested()
  @Type(() => InvestigationDto)
  investigation?: InvestigationDto | null;
}

/** `POST …/objections` (SPEC 4). */
export class ObjectionDto {
  @ApiProperty({ example: '2026-11-22' })
  @IsString()
  @Matches(DATE, { message: 'receivedOn must be a date written YYYY-MM-DD' })
  receivedOn!: string;

  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @Matches(NOT_BLANK, { message: 'summary must not be blank' })
  summary!: string;
}

/** `POST …/decision` (SPEC 4). */
export class DecisionDto {
  @ApiProperty({ enum: DecisionKind })
  @IsEnum(DecisionKind, { message: 'decision must be APPROVE, REJECT or RETURN' })
  decision!: DecisionKind;

  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 2000,
    nullable: true,
    description:
      'Required for REJECT and RETURN; for APPROVE against a recommendation that is not ELIGIBLE (an override) ' +
      'and for a staff relative’s application, at least 10 characters',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Length(1, 2000)
  reason?: string | null;
}
