import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** Query of `GET /api/v1/policy/parameters` (SPEC 6.1). */
export class EffectivePolicyQueryDto {
  @ApiPropertyOptional({
    description: 'The area the parameters should apply to; the caller’s own area when absent.',
    example: '431102001',
  })
  @IsOptional()
  @Matches(/^\d{6}(\d{3}){0,2}$/, { message: 'areaCode must be a 6-, 9- or 12-digit area code' })
  areaCode?: string;

  @ApiPropertyOptional({
    description: 'The date the parameters should be effective on; today in China when absent.',
    format: 'date',
    example: '2026-11-23',
  })
  @IsOptional()
  @Matches(/^(?:19[7-9]\d|20\d\d|2100)-\d{2}-\d{2}$/, {
    message: 'on must be a date written YYYY-MM-DD, between 1970 and 2100',
  })
  on?: string;
}
