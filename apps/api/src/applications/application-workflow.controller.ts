import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthUser } from '@app/access';
import {
  ApplicationsService,
  ApplicationWorkflowService,
  DecisionDto,
  ObjectionDto,
  TownshipReviewDto,
  type ApplicationView,
} from '@app/applications';
import type { AuditEntryView } from '@app/audit';
import type { SignedDecisionRecord } from '@app/decisions';
import { SignedDecisionRecordDto } from '../decisions/decision-record-response.dto';
import { ApplicationViewDto, AuditTrailDto } from './application-response.dto';

/** SPEC 3.2 and 4: the workflow after verification, the application's audit trail and its decision record. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/v1/applications')
export class ApplicationWorkflowController {
  constructor(
    private readonly workflow: ApplicationWorkflowService,
    private readonly applications: ApplicationsService,
  ) {}

  @Post(':id/township-review')
  @HttpCode(200)
  @Roles(Role.TOWNSHIP_REVIEWER)
  @ApiOperation({ summary: 'Township review (初审): RECOMMEND_APPROVE starts the public notice' })
  @ApiBody({ type: TownshipReviewDto })
  @ApiOkResponse({ type: ApplicationViewDto })
  townshipReview(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Ip() ip: string,
  ): Promise<ApplicationView> {
    return this.workflow.townshipReview(user, id, body, ip);
  }

  @Post(':id/objections')
  @HttpCode(200)
  @Roles(Role.TOWNSHIP_REVIEWER)
  @ApiOperation({ summary: 'Record an objection during the public notice (the case returns to VERIFIED)' })
  @ApiBody({ type: ObjectionDto })
  @ApiOkResponse({ type: ApplicationViewDto })
  objection(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Ip() ip: string,
  ): Promise<ApplicationView> {
    return this.workflow.recordObjection(user, id, body, ip);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(Role.COUNTY_APPROVER)
  @ApiOperation({ summary: 'County decision (审核确认): APPROVE, REJECT or RETURN' })
  @ApiBody({ type: DecisionDto })
  @ApiOkResponse({ type: ApplicationViewDto })
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Ip() ip: string,
  ): Promise<ApplicationView> {
    return this.workflow.decide(user, id, body, ip);
  }

  @Get(':id/audit')
  @Roles(Role.AUDITOR, Role.CITY_SUPERVISOR, Role.COUNTY_APPROVER)
  @ApiOperation({ summary: 'The application’s audit entries in chain order' })
  @ApiOkResponse({ type: AuditTrailDto })
  audit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Ip() ip: string,
  ): Promise<{ items: AuditEntryView[] }> {
    return this.applications.auditTrail(user, id, ip);
  }

  @Get(':id/decision-record')
  @Roles(Role.COUNTY_APPROVER, Role.AUDITOR)
  @ApiOperation({
    summary: 'The signed decision record (SPEC 6.5): verify recordHash and signature with GET /api/v1/keys',
  })
  @ApiOkResponse({ type: SignedDecisionRecordDto })
  decisionRecord(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Ip() ip: string,
  ): Promise<SignedDecisionRecord> {
    return this.workflow.decisionRecord(user, id, ip);
  }
}
