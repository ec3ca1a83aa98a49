import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  BUSINESS_KINDS,
  BUSINESS_ROLES,
  BUSINESS_STATUSES,
  DISABILITY_CATEGORIES,
  MARITAL_STATUSES,
  PENSION_TYPES,
  PROPERTY_TYPES,
  VEHICLE_TYPES,
  type BusinessKind,
  type BusinessRole,
  type BusinessStatus,
  type DisabilityCategory,
  type MaritalStatus,
  type PensionType,
  type PersonProfile,
  type ProfileAssistance,
  type ProfileBanking,
  type ProfileBusiness,
  type ProfileDisability,
  type ProfileEmployment,
  type ProfilePension,
  type ProfileProperty,
  type ProfileVehicle,
  type PropertyType,
  type VehicleType,
} from './person-profile.types';

/** The platform's money bound (SPEC 3.1): an integer number of fen, 0 ≤ x ≤ 10^12. */
const MAX_FEN = 1_000_000_000_000;
const MAX_LIST = 50;

function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: isCalendarDate,
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a real date YYYY-MM-DD`,
    },
  });
}

function Fen(): PropertyDecorator {
  return (target, key) => {
    IsInt({ message: `${String(key)} must be an integer number of fen` })(target, key);
    Min(0)(target, key);
    Max(MAX_FEN)(target, key);
  };
}

function ListOf(type: () => new () => object): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(MAX_LIST)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(type)(target, key);
  };
}

export class ProfileVehicleDto implements ProfileVehicle {
  @IsString() @Length(1, 20) plate!: string;
  @IsIn(VEHICLE_TYPES) type!: VehicleType;
  @IsBoolean() disabilityMobility!: boolean;
  @IsOptional() @IsCalendarDate() registeredOn?: string;
}

export class ProfileEmploymentDto implements ProfileEmployment {
  @IsString() @Length(1, 100) employer!: string;
  @Fen() monthlyWageFen!: number;
}

export class ProfilePensionDto implements ProfilePension {
  @IsIn(PENSION_TYPES) type!: PensionType;
  @Fen() monthlyFen!: number;
  @Fen() centralBaseFen!: number;
}

export class ProfilePropertyDto implements ProfileProperty {
  @IsString() @Length(1, 100) certificateNo!: string;
  @IsIn(PROPERTY_TYPES) type!: PropertyType;
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  areaSqm!: number;
  @IsOptional() @IsCalendarDate() registeredOn?: string;
}

export class ProfileBusinessDto implements ProfileBusiness {
  @IsString() @Length(1, 100) name!: string;
  @IsIn(BUSINESS_KINDS) kind!: BusinessKind;
  @IsIn(BUSINESS_ROLES) role!: BusinessRole;
  @Fen() registeredCapitalFen!: number;
  @IsIn(BUSINESS_STATUSES) status!: BusinessStatus;
}

export class ProfileBankingDto implements ProfileBanking {
  @Fen() depositsFen!: number;
  @Fen() securitiesFen!: number;
  @Fen() wealthProductsFen!: number;
}

export class ProfileAssistanceDto implements ProfileAssistance {
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{0,31}$/, { message: 'programme must be an upper-case code' })
  programme!: string;
  @IsString()
  @Matches(/^\d{6}(\d{3})?$/, { message: 'areaCode must be a 6- or 9-digit area code' })
  areaCode!: string;
  @IsOptional() @IsCalendarDate() since?: string;
}

export class ProfileDisabilityDto implements ProfileDisability {
  @IsIn(DISABILITY_CATEGORIES) category!: DisabilityCategory;
  @IsInt() @Min(1) @Max(4) grade!: number;
}

/** `PUT /admin/persons/{idNumber}` (SPEC 5.2). Unknown fields are refused by the global validation pipe. */
export class PersonProfileDto implements PersonProfile {
  @IsOptional() @IsBoolean() alive?: boolean | null;
  @IsOptional() @IsCalendarDate() deathDate?: string | null;
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}(\d{3})?$/, { message: 'hukouAreaCode must be a 6- or 9-digit area code' })
  hukouAreaCode?: string | null;
  @ListOf(() => ProfileVehicleDto) vehicles?: ProfileVehicleDto[] | null;
  @ListOf(() => ProfileEmploymentDto) employment?: ProfileEmploymentDto[] | null;
  @ListOf(() => ProfilePensionDto) pensions?: ProfilePensionDto[] | null;
  @IsOptional() @Fen() unemploymentBenefitMonthlyFen?: number | null;
  @ListOf(() => ProfilePropertyDto) properties?: ProfilePropertyDto[] | null;
  @ListOf(() => ProfileBusinessDto) businesses?: ProfileBusinessDto[] | null;
  @IsOptional() @Fen() annualTaxableWageFen?: number | null;
  @IsOptional() @Fen() housingFundBaseFen?: number | null;
  @IsOptional() @ValidateNested() @Type(() => ProfileBankingDto) banking?: ProfileBankingDto | null;
  @IsOptional() @IsIn(MARITAL_STATUSES) maritalStatus?: MaritalStatus | null;
  @ListOf(() => ProfileAssistanceDto) receivingAssistance?: ProfileAssistanceDto[] | null;
  @IsOptional() @ValidateNested() @Type(() => ProfileDisabilityDto) disability?: ProfileDisabilityDto | null;
  @IsOptional() @IsBoolean() publicPayroll?: boolean | null;
  @IsOptional() @IsBoolean() bankingInquiryFails?: boolean | null;
}
