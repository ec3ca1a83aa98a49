import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@app/access';
import { SourceReportService, type SourcesReport } from '@app/verification';
import { SourcesReportDto } from './source-report.dto';

/** SPEC 9: the data sources' health over the last hour (platform-wide: the departments serve every county). */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports')
export class SourceReportController {
  constructor(private readonly sources: SourceReportService) {}

  @Get('sources')
  @Roles(Role.CITY_SUPERVISOR, Role.VERIFICATION_OFFICER)
  @ApiOperation({ summary: 'Per source: calls, failures, p50/p95 latency over the last hour, circuit state' })
  @ApiOkResponse({ type: SourcesReportDto })
  report(): Promise<SourcesReport> {
    return this.sources.report();
  }
}
