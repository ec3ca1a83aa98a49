import { Controller, Get, Ip, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthUser } from '@app/access';
import { WorkloadReportService, type WorkloadReport } from '@app/reports';
import { WorkloadQuery } from './reports-query.dto';
import { WorkloadReportDto } from './reports-response.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly workload: WorkloadReportService) {}

  @Get('workload')
  @Roles(Role.CITY_SUPERVISOR, Role.COUNTY_APPROVER)
  @ApiOperation({
    summary:
      'Per township in scope: open cases by status, decided in the last 30 days, median days to decision, overdue, staff',
  })
  @ApiOkResponse({ type: WorkloadReportDto })
  @ApiNotFoundResponse({ description: 'The area is outside the caller’s scope or unknown' })
  report(
    @CurrentUser() user: AuthUser,
    @Query() query: WorkloadQuery,
    @Ip() ip: string,
  ): Promise<WorkloadReport> {
    return this.workload.workload(user, query.areaCode, ip);
  }
}
