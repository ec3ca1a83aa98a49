import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthUser } from '@app/access';
import { DomainError } from '@app/common';
import { AuditService, type AuditPage, type AuditVerification } from '@app/audit';
import { ListAuditQueryDto, VerifyAuditQueryDto } from './audit-query.dto';
import { AuditPageDto, AuditVerificationDto } from './audit-response.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(Role.AUDITOR, Role.CITY_SUPERVISOR)
  @ApiOperation({ summary: 'Audit entries inside the caller’s area scope, oldest first' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: ListAuditQueryDto, @CurrentUser() user: AuthUser): Promise<AuditPage> {
    if (query.from !== undefined && query.to !== undefined && Date.parse(query.from) > Date.parse(query.to))
      throw DomainError.validation([{ path: 'to', message: 'to must not be before from' }]);
    return this.audit.list(
      {
        applicationId: query.applicationId,
        action: query.action,
        actor: query.actor,
        from: query.from === undefined ? undefined : new Date(query.from),
        to: query.to === undefined ? undefined : new Date(query.to),
        page: query.page,
        pageSize: query.pageSize,
      },
      user.areaCode,
    );
  }

  @Get('verify')
  @Roles(Role.AUDITOR, Role.CITY_SUPERVISOR)
  @ApiOperation({
    summary: 'Recompute the hash chains in the caller’s scope (or one chain) and report breaks',
  })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(@Query() query: VerifyAuditQueryDto, @CurrentUser() user: AuthUser): Promise<AuditVerification> {
    return this.audit.verifyInScope(user.areaCode, query.chain);
  }
}
