import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsBoundedInstant, MAX_PAGE } from '@app/common';

/** Query of `GET /api/v1/audit` (SPEC 8). */
export class ListAuditQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({ example: 'application.viewed' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  action?: string;

  @ApiPropertyOptional({ description: 'The acting user’s username.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  actor?: string;

  @ApiPropertyOptional({
    description: 'Entries at or after this instant (ISO 8601).',
    example: '2025-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsBoundedInstant()
  from?: string;

  @ApiPropertyOptional({
    description: 'Entries at or before this instant (ISO 8601).',
    example: '2025-12-31T23:59:59Z',
  })
  @IsOptional()
  @IsBoundedInstant()
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}

/** Query of `GET /api/v1/audit/verify`. */
export class VerifyAuditQueryDto {
  @ApiPropertyOptional({
    description: 'A county code, or the city code for city-level actions; every chain in scope when absent.',
    example: '431102',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'chain must be a 6-digit county or city code' })
  chain?: string;
}

/** Query of `GET /api/v1/audit/anchors` (SPEC 8). */
export class ListAnchorsQueryDto {
  @ApiPropertyOptional({
    description: 'One chain (county or city code); every chain in scope when absent.',
    example: '431102',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'chain must be a 6-digit county or city code' })
  chain?: string;

  @ApiPropertyOptional({ description: 'Anchors taken at or after this instant (ISO 8601).' })
  @IsOptional()
  @IsBoundedInstant()
  from?: string;
}
