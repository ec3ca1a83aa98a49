import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** Query of `GET /api/v1/reports/workload` (SPEC 9). */
export class WorkloadQuery {
  @ApiPropertyOptional({
    description: 'A city, county or township inside the caller’s scope; the caller’s own area when absent.',
    example: '431102',
  })
  @IsOptional()
  @Matches(/^(\d{6}|\d{9})$/, {
    message: 'areaCode must be a 6-digit (city, county) or 9-digit (township) code',
  })
  areaCode?: string;
}
