import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MAX_PAGE } from '@app/common';
import { ApplicationStatus } from '../application-status';
import { Programme } from '../application.enums';

export class ListApplicationsQuery {
  @ApiPropertyOptional({ enum: ApplicationStatus })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ enum: Programme })
  @IsOptional()
  @IsEnum(Programme)
  programme?: Programme;

  @ApiPropertyOptional({ description: 'An area inside the caller’s scope (county or township code)' })
  @IsOptional()
  @Matches(/^\d{6}(\d{3})?(\d{3})?$/, { message: 'areaCode must be a 6-, 9- or 12-digit area code' })
  areaCode?: string;

  @ApiPropertyOptional({ description: 'Matches the application number or the applicant’s name' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
