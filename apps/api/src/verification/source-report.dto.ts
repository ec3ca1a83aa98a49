import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SOURCE_CODES, type SourceCode } from '@app/eligibility';
import type { SourceReportRow, SourcesReport } from '@app/verification';

// OpenAPI shapes of `GET /api/v1/reports/sources` (SPEC 9); the service's plain objects are returned as they are.

const CIRCUIT_STATES = ['CLOSED', 'OPEN', 'HALF_OPEN', 'ISOLATED'] as const;

export class SourceLatencyDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Median call time, ms; null without calls.' })
  p50!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: '95th percentile call time, ms; null without calls.',
  })
  p95!: number | null;
}

/** How many live workers report each circuit state; a state no worker is in is absent. */
export class CircuitWorkersDto {
  @ApiPropertyOptional()
  CLOSED?: number;

  @ApiPropertyOptional()
  OPEN?: number;

  @ApiPropertyOptional()
  HALF_OPEN?: number;

  @ApiPropertyOptional()
  ISOLATED?: number;
}

export class SourceReportRowDto implements SourceReportRow {
  @ApiProperty({ enum: SOURCE_CODES, enumName: 'SourceCode', example: 'HUKOU' })
  source!: SourceCode;

  @ApiProperty({ description: 'Calls that reached the department in the last hour (one per batch).' })
  calls!: number;

  @ApiProperty({ description: 'Of those, the ones that failed (timeout, 5xx, refused, malformed).' })
  failures!: number;

  @ApiProperty({ description: 'Calls the open circuit refused without sending them.' })
  shortCircuited!: number;

  @ApiProperty({ type: SourceLatencyDto })
  latencyMs!: SourceLatencyDto;

  @ApiProperty({
    enum: [...CIRCUIT_STATES, 'UNKNOWN'],
    enumName: 'ReportedCircuitState',
    description: 'The worst state among live workers; UNKNOWN when no worker reports.',
  })
  circuit!: SourceReportRow['circuit'];

  @ApiProperty({ type: CircuitWorkersDto })
  workers!: CircuitWorkersDto;
}

export class SourcesReportDto implements SourcesReport {
  @ApiProperty({ format: 'date-time', description: 'Start of the hour reported.' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ type: [SourceReportRowDto], description: 'Every department, in a fixed order.' })
  sources!: SourceReportRowDto[];
}
