import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  DisabilityCategory,
  Employment,
  Exclusion,
  Programme,
  Relation,
  Residence,
  Signer,
} from '../application.enums';

/** SPEC 3.1: money is an integer number of fen, 0 ≤ x ≤ 10^12. */
const MAX_FEN = 1_000_000_000_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function Fen(): PropertyDecorator {
  return (target, key) => {
    IsInt({ message: `${String(key)} must be an integer number of fen` })(target, key);
    Min(0)(target, key);
    Max(MAX_FEN)(target, key);
    ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_FEN, example: 0 })(target, key);
  };
}

function Count(): PropertyDecorator {
  return (target, key) => {
    IsInt({ message: `${String(key)} must be an integer` })(target, key);
    Min(0)(target, key);
    Max(99)(target, key);
    ApiProperty({ type: 'integer', minimum: 0, maximum: 99, example: 0 })(target, key);
  };
}

export class DeclaredMonthlyIncomeDto {
  @Fen() wageFen!: number;
  @Fen() businessFen!: number;
  @Fen() propertyFen!: number;
  @Fen() transferFen!: number;
  @Fen() excludedFen!: number;
}

export class DeclaredAssetsDto {
  @Fen() depositsFen!: number;
  @Fen() securitiesFen!: number;
  @Count() vehicles!: number;
  @Count() dwellings!: number;
}

export class DisabilityDto {
  @ApiProperty({ enum: DisabilityCategory })
  @IsEnum(DisabilityCategory)
  category!: DisabilityCategory;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4 })
  @IsInt()
  @Min(1)
  @Max(4)
  grade!: number;
}

export class AuthorizationDto {
  @ApiProperty({ example: '2026-11-20', description: 'Date signed (not in the future)' })
  @IsString()
  @Matches(DATE, { message: 'signedAt must be a date YYYY-MM-DD' })
  signedAt!: string;

  @ApiProperty({ enum: Signer })
  @IsEnum(Signer)
  signer!: Signer;

  @ApiProperty({ example: 'AUTH-431102001-000123', minLength: 1, maxLength: 64 })
  @IsString()
  @Length(1, 64)
  documentRef!: string;
}

export class MemberDto {
  @ApiProperty({ example: '张三', minLength: 1, maxLength: 50 })
  @IsString()
  @Length(1, 50)
  name!: string;

  @ApiProperty({
    example: '431102198001010012',
    description: 'GB 11643 resident ID number (never returned in full)',
  })
  @IsString()
  idNumber!: string;

  @ApiProperty({ enum: Relation })
  @IsEnum(Relation)
  relation!: Relation;

  @ApiProperty()
  @IsBoolean()
  coResident!: boolean;

  @ApiPropertyOptional({ enum: Exclusion, nullable: true })
  @IsOptional()
  @IsEnum(Exclusion)
  exclusion?: Exclusion | null;

  @ApiPropertyOptional({ type: DisabilityDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DisabilityDto)
  disability?: DisabilityDto | null;

  @ApiProperty({ enum: Employment })
  @IsEnum(Employment)
  employment!: Employment;

  // ValidateNested alone lets a missing or array value through; IsObject makes the object required.
  @ApiProperty({ type: DeclaredMonthlyIncomeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DeclaredMonthlyIncomeDto)
  declaredMonthlyIncome!: DeclaredMonthlyIncomeDto;

  @ApiProperty({ type: DeclaredAssetsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DeclaredAssetsDto)
  declaredAssets!: DeclaredAssetsDto;

  @ApiPropertyOptional({ type: AuthorizationDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AuthorizationDto)
  authorization?: AuthorizationDto | null;
}

export class CreateApplicationDto {
  @ApiProperty({ enum: Programme })
  @IsEnum(Programme)
  programme!: Programme;

  @ApiProperty({ example: '431102001' })
  @IsString()
  @Matches(/^\d{9}$/, { message: 'townshipCode must be a 9-digit township code' })
  townshipCode!: string;

  @ApiProperty({ enum: Residence })
  @IsEnum(Residence)
  residence!: Residence;

  @ApiProperty({ example: '零陵区朝阳街道某某路12号', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  address!: string;

  @ApiPropertyOptional({ default: false })
  @ValidateIf((_o, v) => v !== undefined)
  @IsBoolean()
  hasAbleSupporter?: boolean;

  @ApiPropertyOptional({ default: false })
  @ValidateIf((_o, v) => v !== undefined)
  @IsBoolean()
  staffRelative?: boolean;

  @ApiProperty({ type: [MemberDto], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MemberDto)
  members!: MemberDto[];
}

export class WithdrawDto {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
