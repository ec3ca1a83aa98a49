import { Controller, Get, HttpCode, Ip, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthUser } from '@app/access';
import { DomainError } from '@app/common';
import { isWithinScope } from '@app/areas';
import {
  AuditService,
  isChainCode,
  type AuditAnchor,
  type AuditPage,
  type AuditVerification,
} from '@app/audit';
import { ListAnchorsQueryDto, ListAuditQueryDto, VerifyAuditQueryDto } from './audit-query.dto';
import {
  AuditAnchorListDto,
  AuditAnchorsTakenDto,
  AuditPageDto,
  AuditVerificationDto,
} from './audit-response.dto';

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

  @Get('anchors')
  @Roles(Role.AUDITOR)
  @ApiOperation({
    summary:
      'Signed chain heads in the caller’s scope, oldest first (SPEC 8), for export to write-once storage',
  })
  @ApiOkResponse({ type: AuditAnchorListDto })
  async anchors(
    @Query() query: ListAnchorsQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<{ items: AuditAnchor[] }> {
    const chains = await this.chainsFor(user, query.chain);
    return {
      items: await this.audit.listAnchors({
        chains,
        ...(query.from === undefined ? {} : { from: new Date(query.from) }),
      }),
    };
  }

  @Post('anchors')
  @HttpCode(201)
  @Roles(Role.AUDITOR)
  @ApiOperation({
    summary: 'Sign every chain head in the caller’s scope now (SPEC 8); audited as audit.anchored',
  })
  @ApiCreatedResponse({ type: AuditAnchorsTakenDto })
  async takeAnchors(@CurrentUser() user: AuthUser, @Ip() ip: string): Promise<{ anchors: AuditAnchor[] }> {
    const anchors = await this.audit.takeAnchors(await this.chainsFor(user));
    await this.audit.appendInOwnTransaction({
      action: 'audit.anchored',
      actor: { userId: user.id, username: user.username, role: Role.AUDITOR, areaCode: user.areaCode },
      areaCode: user.areaCode,
      detail: { anchors: anchors.map((a) => ({ chain: a.chain, seq: a.seq })) },
      ip,
    });
    return { anchors };
  }

  /** One chain (404 outside the scope) or every chain in the caller's scope. */
  private async chainsFor(user: AuthUser, chain?: string): Promise<string[]> {
    if (chain === undefined) return this.audit.chainsInScope(user.areaCode);
    if (!isChainCode(chain) || !isWithinScope(chain, user.areaCode))
      throw DomainError.notFound('Audit chain');
    return [chain];
  }
}
